// The meeting reads this feature uses (docs/api.md "Meetings"), only the fields it shows.

export type MeetingBody = "core-team" | "board";
export type MeetingStatus = "planned" | "held" | "approved";

/** GET /api/v1/meetings (held) and ?status=planned. */
export interface MeetingListItem {
  readonly id: string;
  readonly body: MeetingBody;
  readonly focusArea: string;
  readonly plannedOn: string | null;
  readonly heldOn: string | null;
}

export interface AgendaItem {
  readonly paragraph: number;
  readonly title: string;
}

export interface Decision {
  readonly decisionId: string;
  readonly subject: string;
  readonly decision: string;
  readonly rationale: string | null;
  readonly kind: "budget" | "mandate" | "other";
  readonly paragraph: number | null;
  readonly registrationNumber: string | null;
}

export interface NextStep {
  readonly nextStepId: string;
  readonly text: string;
  readonly ownerId: string | null;
  readonly due: string | null;
  readonly status: "open" | "done" | "dropped";
}

/** GET /api/v1/meetings/{id}: the minutes. People are person ids. */
export interface Minutes {
  readonly id: string;
  readonly body: MeetingBody;
  readonly focusArea: string;
  readonly status: MeetingStatus;
  readonly plannedOn: string | null;
  readonly heldOn: string | null;
  readonly attendees: ReadonlyArray<string>;
  readonly absentees: ReadonlyArray<string>;
  readonly agendaItems: ReadonlyArray<AgendaItem>;
  readonly chairId: string | null;
  readonly secretaryId: string | null;
  readonly adjusterIds: ReadonlyArray<string>;
  readonly adjustments: ReadonlyArray<{ readonly adjusterId: string; readonly on: string }>;
  readonly decisions: ReadonlyArray<Decision>;
  readonly comments: ReadonlyArray<{ readonly topic: string; readonly comment: string }>;
  readonly nextSteps: ReadonlyArray<NextStep>;
  readonly registrationNumber: string | null;
  readonly approved: boolean;
  readonly approvedOn: string | null;
}

export type AgendaCandidateKind = "tension" | "signal" | "next-step" | "delegation-decision";

/** GET /api/v1/agenda-candidates: an open item, with the title and source of its agenda item. */
export interface AgendaCandidate {
  readonly kind: AgendaCandidateKind;
  readonly title: string;
  readonly source: Readonly<Record<string, unknown>>;
  readonly since: string;
}

/** The part of GET /api/v1/me this feature needs: the focus areas of the person's Core Team. */
export interface CoreTeamAreas {
  readonly coreTeam?: ReadonlyArray<string>;
}
