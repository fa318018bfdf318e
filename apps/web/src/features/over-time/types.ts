// The shapes of the API answers this page reads (docs/api.md "Initiatives", "Signals"), only the fields it uses.

/** GET /initiatives/{id}/tensions/timeline: one period. */
export interface TimelinePeriod {
  readonly periodStart: string;
  readonly raised: number;
  readonly resolved: number;
  readonly open: number;
  readonly meanIntensity: number | null;
}

/** GET /signals?initiativeId=…: one signal, oldest first. */
export interface SignalItem {
  readonly id: string;
  readonly summary: string;
  readonly clauseId: string | null;
  readonly observedOn: string;
  readonly submittedAt: string;
  readonly answeredAt: string | null;
  readonly status: "submitted" | "acknowledged" | "answered" | "withdrawn";
}
