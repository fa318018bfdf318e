// The shapes of the API answers the initiative page reads beyond the overview (docs/api.md
// "Goals", "Mandates", "Check-ins", "Signals", "Tensions", "Meetings"), only the fields it uses.

export type LeadershipNeeded = "more-direction" | "more-detail" | "more-space" | "as-is";

/** GET /initiatives/{id}/check-ins, in the order held. */
export interface CheckIn {
  readonly checkInId: string;
  readonly heldOn: string;
  readonly participants: ReadonlyArray<string>;
  readonly mandateClarity: number;
  readonly confidence: number;
  readonly leadershipNeeded: LeadershipNeeded;
  readonly notes: string;
  readonly nextCheckInOn: string | null;
}

/** GET /initiatives/{id}/goals/{goalId}/readings, by the day read. */
export interface IndicatorReading {
  readonly readingId: string;
  readonly value: number;
  readonly unit: string;
  readonly on: string;
  readonly note: string | null;
}

/** GET /signals?initiativeId=…, oldest first. */
export interface SignalWithAnswer {
  readonly id: string;
  readonly kind: string;
  readonly summary: string;
  readonly mandatePosition: string;
  readonly clauseId: string | null;
  readonly observedOn: string;
  readonly status: "submitted" | "acknowledged" | "answered" | "withdrawn";
  readonly outcome: string | null;
  readonly response: string | null;
}

/** A meeting's decision a mandate version cites. */
export interface DecisionRef {
  readonly meetingId: string;
  readonly decisionId: string;
}

/** GET /initiatives/{id}/mandates: every version, oldest first. */
export interface MandateVersion {
  readonly mandateId: string;
  readonly version: number;
  readonly change: "granted" | "amended" | "renewed" | "revoked";
  readonly effectiveFrom: string;
  readonly reason: string | null;
  readonly decision: DecisionRef | null;
}

/** GET /meetings/{id}: the parts that name a decision. */
export interface MeetingDecisions {
  readonly id: string;
  readonly body: string;
  readonly heldOn: string | null;
  readonly registrationNumber: string | null;
  readonly decisions: ReadonlyArray<{
    readonly decisionId: string;
    readonly subject: string;
    readonly paragraph: number | null;
    readonly registrationNumber: string | null;
  }>;
}
