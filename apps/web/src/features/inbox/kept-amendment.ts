/** An amendment made for a signal whose answer has not gone in yet: what the answer must cite. */
export interface KeptAmendment {
  readonly mandateId: string;
  readonly revision: number;
}

// Kept in the tab's session too, so a reload between the amendment and the answer does not
// lose it: the next press then only sends the answer.
const keyOf = (signalId: string) => `mandat-amendment-for-signal-${signalId}`;

export function readKeptAmendment(signalId: string): KeptAmendment | undefined {
  try {
    const stored = window.sessionStorage.getItem(keyOf(signalId));
    return stored === null ? undefined : (JSON.parse(stored) as KeptAmendment);
  } catch {
    return undefined;
  }
}

export function keepAmendment(signalId: string, amendment: KeptAmendment | undefined): void {
  try {
    if (amendment) window.sessionStorage.setItem(keyOf(signalId), JSON.stringify(amendment));
    else window.sessionStorage.removeItem(keyOf(signalId));
  } catch {
    // Without session storage the page's own state still keeps it until a reload.
  }
}
