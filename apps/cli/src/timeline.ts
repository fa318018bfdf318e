import {
  type Clause,
  type MandatEvent,
  type MandateChanges,
  type MandateEvent,
  type MandateHistoryRow,
  type MandateTerms,
  mandateHistoryRows,
} from "#domain";
import type { RecordedEvent } from "#event-store";

export interface TimelineEntry {
  readonly position: number;
  readonly revision: number;
  readonly recordedAt: string;
  readonly actor: string;
  readonly type: string;
  readonly change: string;
  readonly data: unknown;
  /** A mandate event: its row of the mandate history, read as the API reads it (docs/domain.md). */
  readonly mandateVersion?: MandateHistoryRow;
}

/** A term's clauses, each with its id: `[S1 Läxhjälp; S2 Fritidsgårdar]`. */
const list = (clauses: ReadonlyArray<Clause>) => `[${clauses.map((clause) => `${clause.id} ${clause.text}`).join("; ")}]`;
const TERM_NAMES: ReadonlyArray<keyof MandateTerms> = ["scope", "boundaries", "principles", "steering", "budgetSek"];
const show = (value: unknown) => (Array.isArray(value) ? list(value as Clause[]) : value === undefined ? "none" : String(value));

const MANDATE_EVENTS: ReadonlySet<string> = new Set<MandateEvent["type"]>([
  "MandateGranted",
  "MandateAmended",
  "MandateRenewed",
  "MandateRevoked",
]);

/**
 * A stream as a readable timeline: what each event changed, in words. Mandate events are read
 * with `mandateHistoryRows`, the reading of the API's mandate history, as known at the last
 * event given: an amendment shows each changed term before and after on its effectiveFrom, and
 * a version whose terms later-recorded changes superseded says from which day.
 */
export function timeline(events: ReadonlyArray<RecordedEvent>, actorName: (id: string) => string): TimelineEntry[] {
  const mandateEvents = events.filter((recorded) => MANDATE_EVENTS.has(recorded.type));
  const rows = mandateHistoryRows(
    mandateEvents.map((recorded) => ({
      event: recorded as unknown as MandateEvent,
      recordedAt: recorded.recordedAt,
      recordedBy: recorded.metadata.actor.id,
    })),
  );
  const versions = new Map(mandateEvents.map((recorded, i) => [recorded, rows[i]!]));
  return events.map((recorded) => {
    const event = recorded as unknown as MandatEvent;
    const version = versions.get(recorded);
    return {
      position: recorded.position,
      revision: recorded.revision,
      recordedAt: recorded.recordedAt,
      actor: actorName(recorded.metadata.actor.id),
      type: recorded.type,
      change: version ? describeMandate(event as MandateEvent, version) : describe(event),
      data: recorded.data,
      ...(version ? { mandateVersion: version } : {}),
    };
  });
}

function describeMandate(event: MandateEvent, version: MandateHistoryRow): string {
  const until = version.termsUntil ? `; these terms through ${version.termsUntil}` : "";
  const superseded = version.supersededFrom ? `; superseded from ${version.supersededFrom} by a change recorded later` : "";
  return `${describeMandateEvent(event, version)}${until}${superseded}`;
}

function describeMandateEvent(event: MandateEvent, version: MandateHistoryRow): string {
  switch (event.type) {
    case "MandateGranted": {
      const { mandateId, validFrom, validUntil, scope, steering, budgetSek } = event.data;
      return `mandate ${short(mandateId)} granted ${validFrom}..${validUntil ?? "open end"}; scope ${list(scope)}; steering ${steering}${budgetSek === undefined ? "" : `; ${budgetSek} SEK`}`;
    }
    case "MandateAmended": {
      const { mandateId, changes, effectiveFrom, reason } = event.data;
      return `mandate ${short(mandateId)} amended from ${effectiveFrom} (${reason}): ${changedTerms(changes, version.termsBefore, version.terms)}`;
    }
    case "MandateRenewed":
      return `mandate ${short(event.data.mandateId)} renewed until ${event.data.validUntil}, from ${version.effectiveFrom}`;
    case "MandateRevoked":
      return `mandate ${short(event.data.mandateId)} revoked from ${event.data.effectiveFrom} (${event.data.reason})`;
  }
}

function describe(event: MandatEvent): string {
  switch (event.type) {
    case "InitiativeRegistered":
      return `registered "${event.data.name}" in ${event.data.focusArea}`;
    case "GoalSet":
      return `goal ${short(event.data.goalId)} set: ${event.data.statement}`;
    case "GoalRevised":
      return `goal ${short(event.data.goalId)} revised: ${event.data.statement} (${event.data.reason})`;
    case "GoalAchieved":
      return `goal ${short(event.data.goalId)} achieved on ${event.data.on}`;
    case "GoalDropped":
      return `goal ${short(event.data.goalId)} dropped (${event.data.reason})`;
    case "CheckInHeld":
      return `check-in on ${event.data.heldOn}: clarity ${event.data.mandateClarity}/5, confidence ${event.data.confidence}/5, needs ${event.data.leadershipNeeded}`;
    case "InitiativeClosed":
      return `closed on ${event.data.on} (${event.data.reason})`;
    case "PersonRegistered":
      return `person registered in organisation ${short(event.data.organisationId)} (name sealed)`;
    default:
      return summary(event.data);
  }
}

/** Each term the amendment names, on its effectiveFrom as known just before and just after it was recorded. */
function changedTerms(changes: MandateChanges, before: MandateTerms | undefined, after: MandateTerms): string {
  return TERM_NAMES.filter((name) => changes[name] !== undefined)
    .map((name) => `${name} ${show(before?.[name])} → ${show(after[name])}`)
    .join("; ");
}

const short = (id: string) => id.slice(-8);

/** Any other event: its payload fields in one line. */
const summary = (data: unknown): string =>
  Object.entries(data as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join(", ");
