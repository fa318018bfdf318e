import { type Decision, reject } from "../shared/decision.js";
import type { PersonId } from "../shared/schema-primitives.js";
import { PersonNotRegistered } from "./errors.js";

/**
 * The rule of every stream that names people (participants, attendees, owners): each is a
 * registered person. `registered` is the handler's fact: those of them registered and not erased.
 */
export const rejectUnregistered = (
  ids: ReadonlyArray<PersonId>,
  registered: ReadonlySet<PersonId>,
): Decision<never> | undefined => {
  const missing = ids.filter((id) => !registered.has(id));
  return missing.length > 0 ? reject(new PersonNotRegistered({ detail: `Not registered: ${missing.join(", ")}` })) : undefined;
};
