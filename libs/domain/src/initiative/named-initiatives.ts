import { type Decision, reject } from "../shared/decision.js";
import type { InitiativeId } from "../shared/schema-primitives.js";
import { InitiativeNotRegistered } from "./errors.js";

/** Fact for a stream whose events name initiatives (tensions, budgets): those of them that have no stream. */
export interface NamedInitiatives {
  readonly unregisteredInitiatives: ReadonlyArray<InitiativeId>;
}

/** The rule of every stream that names initiatives: each is a registered initiative. */
export const rejectUnregisteredInitiatives = ({ unregisteredInitiatives }: NamedInitiatives): Decision<never> | undefined =>
  unregisteredInitiatives.length > 0
    ? reject(new InitiativeNotRegistered({ detail: `Not registered: ${unregisteredInitiatives.join(", ")}` }))
    : undefined;
