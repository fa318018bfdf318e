import { assertNever } from "../shared/assert-never.js";
import type { MeetingEvent } from "./events.js";
import type { MeetingState } from "./state.js";

export const evolveMeeting = (state: MeetingState, event: MeetingEvent): MeetingState => {
  switch (event.type) {
    case "MeetingHeld":
      return { status: "held", decisions: new Map() };
    case "DecisionRecorded":
      return state.status === "not-held"
        ? state
        : { ...state, decisions: new Map(state.decisions).set(event.data.decisionId, event.data.kind) };
    case "MinutesApproved":
      return state.status === "not-held" ? state : { ...state, status: "approved" };
    case "CommentRecorded":
    case "NextStepAgreed":
    case "MinutesCorrected":
      return state;
    default:
      return assertNever(event, "meeting event");
  }
};
