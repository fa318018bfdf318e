import { rejectUnregisteredInitiatives } from "../initiative/named-initiatives.js";
import { OrganisationNotRegistered } from "../organisation/errors.js";
import { rejectUnusableContext } from "../organisation/facts.js";
import { assertNever } from "../shared/assert-never.js";
import { rejectAfterToday } from "../shared/dated-by-today.js";
import { type Decision, accept, reject } from "../shared/decision.js";
import type { TensionCommand, TensionCommandOf } from "./commands.js";
import {
  TensionAlreadyRaised,
  TensionClosed,
  TensionDatedBeforeRaised,
  TensionDatedInFuture,
  TensionNotRaised,
} from "./errors.js";
import type { TensionEvent } from "./events.js";
import type { TensionState } from "./state.js";

type TensionDecision = Decision<TensionEvent>;

export const decideTension = (command: TensionCommand, state: TensionState): TensionDecision => {
  if (command.type === "RaiseTension") return raise(command, state);
  if (state.status === "not-raised") return reject(new TensionNotRaised({ detail: "Raise the tension first" }));
  if (state.status !== "open") return reject(new TensionClosed({ detail: `The tension is ${state.status}` }));
  const date = command.type === "ResolveTension" ? command.data.resolvedOn : command.data.on;
  if (date < state.raisedOn) {
    return reject(new TensionDatedBeforeRaised({ detail: `${date} is before ${state.raisedOn}, when the tension was raised` }));
  }
  const ahead = rejectAfterToday(date, command.data.today, TensionDatedInFuture);
  if (ahead) return ahead;
  switch (command.type) {
    case "ChangeTensionIntensity": {
      const { today: _, ...data } = command.data;
      return state.intensity === data.intensity ? accept() : accept({ type: "TensionIntensityChanged", data });
    }
    case "EscalateTension":
      return escalate(command);
    case "ResolveTension": {
      const { today: _, ...data } = command.data;
      return accept({ type: "TensionResolved", data });
    }
    case "DropTension": {
      const { today: _, ...data } = command.data;
      return accept({ type: "TensionDropped", data });
    }
    default:
      return assertNever(command, "tension command");
  }
};

const raise = (command: TensionCommandOf<"RaiseTension">, state: TensionState): TensionDecision => {
  if (state.status !== "not-raised") return reject(new TensionAlreadyRaised({ detail: "This tension id is taken" }));
  const { unregisteredInitiatives, today, ...data } = command.data;
  return (
    rejectUnregisteredInitiatives({ unregisteredInitiatives }) ??
    rejectAfterToday(data.raisedOn, today, TensionDatedInFuture) ??
    accept({ type: "TensionRaised", data })
  );
};

/** An escalation may name the governing context it goes to: a context mapped and not retired. */
const escalate = (command: TensionCommandOf<"EscalateTension">): TensionDecision => {
  const { organisation, today: _, ...data } = command.data;
  if (data.governingContext === undefined) return accept({ type: "TensionEscalated", data });
  const unusable = organisation
    ? rejectUnusableContext(organisation, data.governingContext)
    : reject(new OrganisationNotRegistered({ detail: "The organisation of the governing context was not looked up" }));
  return unusable ?? accept({ type: "TensionEscalated", data });
};
