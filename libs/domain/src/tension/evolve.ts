import { assertNever } from "../shared/assert-never.js";
import type { TensionEvent } from "./events.js";
import type { TensionState } from "./state.js";

export const evolveTension = (state: TensionState, event: TensionEvent): TensionState => {
  if (event.type === "TensionRaised") {
    const { initiativeIds, intensity, raisedOn } = event.data;
    return { status: "open", initiativeIds, intensity, raisedOn };
  }
  if (state.status === "not-raised") return state;
  switch (event.type) {
    case "TensionIntensityChanged":
      return { ...state, intensity: event.data.intensity };
    case "TensionEscalated":
      return state;
    case "TensionResolved":
      return { ...state, status: "resolved" };
    case "TensionDropped":
      return { ...state, status: "dropped" };
    default:
      return assertNever(event, "tension event");
  }
};
