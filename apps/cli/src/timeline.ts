import { type MandatEvent, type MandateChanges, type MandateTerms, applyChanges } from "#domain";
import type { RecordedEvent } from "#event-store";

export interface TimelineEntry {
  readonly position: number;
  readonly revision: number;
  readonly recordedAt: string;
  readonly actor: string;
  readonly type: string;
  readonly change: string;
  readonly data: unknown;
}

const list = (items: ReadonlyArray<string>) => `[${items.join("; ")}]`;
const TERM_NAMES: ReadonlyArray<keyof MandateTerms> = ["scope", "boundaries", "principles", "steering", "budgetSek"];
const show = (value: unknown) => (Array.isArray(value) ? list(value as string[]) : value === undefined ? "none" : String(value));

/**
 * A stream as a readable timeline: what each event changed, in words. It folds mandate
 * terms as it goes, so an amendment shows each changed term before and after.
 */
export function timeline(events: ReadonlyArray<RecordedEvent>, actorName: (id: string) => string): TimelineEntry[] {
  const terms = new Map<string, MandateTerms>();
  return events.map((recorded) => {
    const event = recorded as unknown as MandatEvent;
    return {
      position: recorded.position,
      revision: recorded.revision,
      recordedAt: recorded.recordedAt,
      actor: actorName(recorded.metadata.actor.id),
      type: recorded.type,
      change: describe(event, terms),
      data: recorded.data,
    };
  });
}

function describe(event: MandatEvent, terms: Map<string, MandateTerms>): string {
  switch (event.type) {
    case "MandateGranted": {
      const { mandateId, validFrom, validUntil, scope, boundaries, principles, steering, budgetSek } = event.data;
      terms.set(mandateId, { scope, boundaries, principles, steering, ...(budgetSek === undefined ? {} : { budgetSek }) });
      return `mandate ${short(mandateId)} granted ${validFrom}..${validUntil ?? "open end"}; scope ${list(scope)}; steering ${steering}${budgetSek === undefined ? "" : `; ${budgetSek} SEK`}`;
    }
    case "MandateAmended": {
      const { mandateId, changes, effectiveFrom, reason } = event.data;
      const before = terms.get(mandateId);
      const after = before && applyChanges(before, changes);
      if (after) terms.set(mandateId, after);
      return `mandate ${short(mandateId)} amended from ${effectiveFrom} (${reason}): ${changedTerms(changes, before)}`;
    }
    case "MandateRenewed":
      return `mandate ${short(event.data.mandateId)} renewed until ${event.data.validUntil}`;
    case "MandateRevoked":
      return `mandate ${short(event.data.mandateId)} revoked from ${event.data.effectiveFrom} (${event.data.reason})`;
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

function changedTerms(changes: MandateChanges, before: MandateTerms | undefined): string {
  return TERM_NAMES.filter((name) => changes[name] !== undefined)
    .map((name) => `${name} ${show(before?.[name])} → ${show(changes[name])}`)
    .join("; ");
}

const short = (id: string) => id.slice(-8);

/** Any other event: its payload fields in one line. */
const summary = (data: unknown): string =>
  Object.entries(data as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join(", ");
