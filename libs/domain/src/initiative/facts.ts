import type { IsoDate } from "../shared/calendar.js";
import { type Decision, reject } from "../shared/decision.js";
import type { MandateId } from "../shared/schema-primitives.js";
import { InitiativeClosed } from "./errors.js";
import type { RecordedTerms } from "./mandate-terms.js";
import type { MandateValidity } from "./mandate-validity.js";
import type { InitiativeState } from "./state.js";

/**
 * What a command of another stream (a signal) needs to know of an initiative: whether it is
 * registered and open, its name for messages, and which mandates it holds with their days in
 * force and their terms as recorded (the clauses a signal may cite). A narrow record,
 * so that the other stream's decider depends on these facts and not on the initiative's state.
 */
export type InitiativeFacts =
  | { readonly status: "unregistered" }
  | {
      readonly status: "open" | "closed";
      readonly name: string;
      readonly closedOn?: IsoDate;
      readonly mandates: ReadonlyMap<MandateId, RecordedTerms & MandateValidity>;
    };

export const initiativeFacts = (state: InitiativeState): InitiativeFacts =>
  state.status === "unregistered"
    ? { status: "unregistered" }
    : {
        status: state.status,
        name: state.name,
        ...(state.closedOn === undefined ? {} : { closedOn: state.closedOn }),
        mandates: state.mandates,
      };

/** The rule every stream that addresses an initiative shares: a closed one takes nothing more. */
export const rejectClosed = (initiative: { readonly name: string; readonly closedOn?: IsoDate }): Decision<never> =>
  reject(new InitiativeClosed({ detail: `${initiative.name} was closed on ${initiative.closedOn}` }));
