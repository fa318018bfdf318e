import { SENT_PARAMETER, paths } from "../../router";

/**
 * What a form just saved, as the value of the initiative page's `skickad` parameter: the page
 * says so at its top. A bare `?skickad` is the signal form's (components/SignalForm.tsx).
 */
export const SAVED = { checkIn: "avstamning", tension: "spanning", goal: "mal", reading: "matning" } as const;
export type Saved = (typeof SAVED)[keyof typeof SAVED];

/** The initiative page, saying that `what` was saved. */
export const initiativeAfter = (initiativeId: string, what: Saved): string =>
  `${paths.initiative(initiativeId)}?${SENT_PARAMETER}=${what}`;
