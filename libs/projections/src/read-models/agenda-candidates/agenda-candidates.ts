import type { AgendaSource, IsoDate } from "#domain";
import type Database from "better-sqlite3";
import type { AnyProjection } from "../../runner/projection-definition.js";
import { WHOLE_LIST, compareKeys } from "../../runner/pagination.js";
import { inOneSnapshot } from "../../runner/read-snapshot.js";
import { delegationDecisions } from "../decision-log/delegation-decisions.js";
import { distinctTitles } from "./distinct-titles.js";
import { openNextSteps } from "../decision-log/open-next-steps.js";
import { decisionLogProjection } from "../decision-log/projection.js";
import { initiativeOverviewProjection } from "../initiative-overview/projection.js";
import { listInitiatives } from "../initiative-overview/queries.js";
import { signalInboxProjection } from "../signal-inbox/projection.js";
import { listSignals } from "../signal-inbox/queries.js";
import { tensionTimelineProjection } from "../tension-timeline/projection.js";
import { listTensions } from "../tension-timeline/tension-list.js";

export type AgendaCandidateKind = "tension" | "signal" | "next-step" | "delegation-decision";

const KIND_ORDER: ReadonlyArray<AgendaCandidateKind> = ["tension", "signal", "next-step", "delegation-decision"];

/**
 * The key the candidates are ordered by, and their pages cut by: the kind (in the order
 * above), the day it became open, then its source, which names it.
 */
export const agendaCandidateKey = (candidate: AgendaCandidate): [number, string, string] => [
  KIND_ORDER.indexOf(candidate.kind),
  candidate.since,
  JSON.stringify(candidate.source),
];

/** Every column of the key ascending. */
export const AGENDA_CANDIDATE_ORDER = [{}, {}, {}] as const;

/**
 * An open item a planned meeting may take onto its agenda: `title` and `source` are what an
 * agenda item of PlanMeeting takes, as they are or reworded.
 */
export interface AgendaCandidate {
  readonly kind: AgendaCandidateKind;
  readonly title: string;
  readonly source: AgendaSource;
  /** The day it became open: raised, observed, agreed at its meeting, taken. */
  readonly since: IsoDate;
  /** The initiative it concerns, if one; a tension within the Core Team names none. */
  readonly initiativeId: string | null;
}

/** The read models the candidates come from: a read that must see a write waits for these. */
export const agendaCandidatesReadModels: ReadonlyArray<AnyProjection> = [
  decisionLogProjection,
  initiativeOverviewProjection,
  signalInboxProjection,
  tensionTimelineProjection,
];

/** An agenda item's title is short text: cut to 200 characters, which leaves room to reword it. */
const titled = (text: string) => (text.length <= 200 ? text : `${text.slice(0, 199)}…`);

const DELEGATION_TITLES = {
  MandateGranted: "mandat beviljat",
  MandateAmended: "mandat ändrat",
  MandateRenewed: "mandat förnyat",
  MandateRevoked: "mandat återkallat",
} as const;

/**
 * What the next meeting may take up, as known at `asOf` and open on `at`: open tensions
 * (raised by `at`), unanswered signals (observed by `at`), next steps open on `at`, and
 * delegation decisions taken by `at` and not yet reported to a meeting held by then. With
 * `focusArea`, only those of its initiatives and meetings (tensions naming no initiative are
 * the Core Team's own and always listed). Grouped by kind in that order, oldest first.
 */
export function agendaCandidates(
  db: Database.Database,
  options: {
    readonly asOf?: string;
    readonly at: IsoDate;
    readonly focusArea?: string;
    /** Whether the reader may see the tensions within the Core Team (naming no initiative), as on the tension list. */
    readonly withinCoreTeam: boolean;
  },
): AgendaCandidate[] {
  const { asOf, at, focusArea, withinCoreTeam } = options;
  return inOneSnapshot(db, () => {
    const initiatives = new Map(listInitiatives(db, { asOf }).map((initiative) => [initiative.id, initiative]));
    // An item naming no initiative is the Core Team's own, in every focus area; one naming
    // several is in a focus area when any of them is.
    const inFocus = (initiativeIds: ReadonlyArray<string>) =>
      focusArea === undefined ||
      initiativeIds.length === 0 ||
      initiativeIds.some((id) => initiatives.get(id)?.focusArea === focusArea);
    const name = (initiativeId: string) => initiatives.get(initiativeId)?.name ?? initiativeId;

    const tensions = listTensions(db, { asOf, status: "open", withinCoreTeam, page: WHOLE_LIST })
      .items.filter((tension) => tension.raisedOn <= at && inFocus(tension.initiativeIds))
      .map((tension): AgendaCandidate => ({
        kind: "tension",
        title: titled(tension.description),
        source: { tensionId: tension.tensionId } as AgendaSource,
        since: tension.raisedOn,
        initiativeId: tension.initiativeIds[0] ?? null,
      }));
    const signals = listSignals(db, { status: "unanswered", asOf })
      .filter((signal) => signal.observedOn <= at && inFocus([signal.initiativeId]))
      .map((signal): AgendaCandidate => ({
        kind: "signal",
        title: titled(`${name(signal.initiativeId)}: ${signal.summary}`),
        source: { signalId: signal.id } as AgendaSource,
        since: signal.observedOn,
        initiativeId: signal.initiativeId,
      }));
    const nextSteps = openNextSteps(db, { asOf, at, ...(focusArea === undefined ? {} : { focusArea }) }).map(
      (step): AgendaCandidate => ({
        kind: "next-step",
        title: titled(step.text),
        source: { meetingId: step.meetingId, nextStepId: step.nextStepId } as AgendaSource,
        since: step.heldOn,
        initiativeId: null,
      }),
    );
    const delegated = delegationDecisions(db, { asOf, at, status: "unreported" })
      .filter((decision) => inFocus([decision.initiativeId]))
      .map((decision): AgendaCandidate => ({
        kind: "delegation-decision",
        // The day it was taken tells apart decisions of one kind about one initiative.
        title: titled(
          `Delegationsbeslut ${decision.decidedOn}: ${DELEGATION_TITLES[decision.type]}, ${name(decision.initiativeId)}`,
        ),
        source: { delegationDecision: { initiativeId: decision.initiativeId, revision: decision.revision } } as AgendaSource,
        since: decision.decidedOn,
        initiativeId: decision.initiativeId,
      }));
    // Next steps are of the focus area's meetings already.
    return distinctTitles(
      [...tensions, ...signals, ...nextSteps, ...delegated].sort((a, b) =>
        compareKeys(agendaCandidateKey(a), agendaCandidateKey(b), AGENDA_CANDIDATE_ORDER),
      ),
    );
  });
}
