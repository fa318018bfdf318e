// The API answers the mandate's story reads (docs/api.md "Mandates", "Signals", "Tensions",
// "Meetings", "People"; every field of a version in docs/domain.md "Mandates in valid time"),
// only the fields it shows.

import type { Clause } from "../../api/types";

export type Change = "granted" | "amended" | "renewed" | "revoked";

export type ClauseTerm = "scope" | "boundaries" | "principles";

/** A clause as an amendment names it: `id` given by the server. */
export interface ChangedClause {
  readonly id: string;
  readonly text: string;
}

/** An amendment's own changes: only the terms it names. */
export interface MandateChanges {
  readonly scope?: ReadonlyArray<ChangedClause>;
  readonly boundaries?: ReadonlyArray<ChangedClause>;
  readonly principles?: ReadonlyArray<ChangedClause>;
  readonly steering?: string;
  readonly budgetSek?: number | null;
}

export type Trigger = { readonly signalId: string } | { readonly tensionId: string };

/** GET /initiatives/{id}/mandates: one row per recorded change, oldest first. */
export interface StoryVersion {
  readonly mandateId: string;
  readonly version: number;
  readonly change: Change;
  readonly clauses: ReadonlyArray<Clause>;
  readonly steering: string;
  readonly budgetSek: number | null;
  readonly termsUntil: string | null;
  readonly supersededFrom: string | null;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly revokedFrom: string | null;
  readonly effectiveFrom: string;
  readonly changes: MandateChanges | null;
  readonly reason: string | null;
  readonly triggeredBy: Trigger | null;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly decision: { readonly meetingId: string; readonly decisionId: string } | null;
}

/** GET /signals?initiativeId=… */
export interface StorySignal {
  readonly id: string;
  readonly kind: string;
  readonly summary: string;
  readonly mandatePosition: string;
  readonly mandateId: string | null;
  readonly clauseId: string | null;
  readonly observedOn: string;
  readonly status: "submitted" | "acknowledged" | "answered" | "withdrawn";
}

/** GET /tensions?initiativeId=… */
export interface StoryTension {
  readonly tensionId: string;
  readonly category: string;
  readonly description: string;
  readonly raisedOn: string;
  readonly intensity: number;
  readonly status: "open" | "resolved" | "dropped";
}

/** GET /meetings/{id}: the meeting and its decisions. */
export interface StoryMeeting {
  readonly id: string;
  readonly body: string;
  readonly heldOn: string | null;
  readonly registrationNumber: string | null;
  readonly decisions: ReadonlyArray<{
    readonly decisionId: string;
    readonly subject: string;
    readonly decision: string;
    readonly paragraph: number | null;
    readonly registrationNumber: string | null;
  }>;
}

/** GET /delegation-decisions: a change taken without a meeting, and the meetings told of it. */
export interface StoryDelegationDecision {
  readonly initiativeId: string;
  readonly mandateId: string;
  readonly effectiveFrom: string;
  readonly recordedAt: string;
  readonly reportedIn: ReadonlyArray<{ readonly meetingId: string; readonly heldOn: string | null }>;
}
