import type { IsoDate } from "../shared/calendar.js";
import type { GoalId, MandateId, PersonId } from "../shared/schema-primitives.js";
import type { ContextRelation, LeadRole } from "./events.js";
import type { RecordedTerms } from "./mandate-terms.js";
import type { MandateValidity } from "./mandate-validity.js";

export type GoalStatus = "active" | "achieved" | "dropped";

/** A mandate's validity, and its terms as recorded: what numbering an amendment's clauses needs. */
export interface MandateState extends MandateValidity, RecordedTerms {
  readonly mandateId: MandateId;
}

export interface RegisteredInitiative {
  readonly status: "open" | "closed";
  readonly name: string;
  readonly leads: ReadonlyMap<PersonId, LeadRole>;
  readonly goals: ReadonlyMap<GoalId, GoalStatus>;
  readonly mandates: ReadonlyMap<MandateId, MandateState>;
  readonly cadenceDays?: number;
  /** Linked governing contexts, keyed by `${organisationId}/${contextId}`. */
  readonly contexts: ReadonlyMap<string, ContextRelation>;
  readonly closedOn?: IsoDate;
}

export type InitiativeState = { readonly status: "unregistered" } | RegisteredInitiative;

export const initialInitiativeState: InitiativeState = { status: "unregistered" };

export const contextKey = (organisationId: string, contextId: string): string => `${organisationId}/${contextId}`;

export const hasActiveGoal = (state: RegisteredInitiative): boolean =>
  [...state.goals.values()].some((status) => status === "active");
