import { assertNever } from "../shared/assert-never.js";
import type { SignalEvent } from "./events.js";
import type { SignalState } from "./state.js";

export const evolveSignal = (state: SignalState, event: SignalEvent): SignalState => {
  if (event.type === "SignalSubmitted") {
    return { status: "submitted", initiativeId: event.data.initiativeId, acknowledged: false };
  }
  if (state.status === "not-submitted") return state;
  switch (event.type) {
    case "SignalAcknowledged":
      return { ...state, acknowledged: true };
    case "SignalAnswered":
      return { ...state, status: "answered" };
    case "SignalWithdrawn":
      return { ...state, status: "withdrawn" };
    default:
      return assertNever(event, "signal event");
  }
};
