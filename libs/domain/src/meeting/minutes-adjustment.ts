import { rejectUnregistered } from "../person/registered-people.js";
import { type Decision, accept, reject } from "../shared/decision.js";
import type { MeetingCommand } from "./commands.js";
import {
  AdjustersNotDistinct,
  MinutesAlreadyApproved,
  MinutesApprovedByAdjusters,
  MinutesFrozen,
  MinutesUnderAdjustment,
  NoAdjustersAppointed,
  NotAnAdjuster,
} from "./errors.js";
import type { MeetingEvent } from "./events.js";
import type { MeetingState } from "./state.js";

type Existing = Exclude<MeetingState, { status: "not-held" }>;
type Held = Extract<MeetingState, { status: "held" | "approved" }>;
type CommandOf<Type extends MeetingCommand["type"]> = Extract<MeetingCommand, { type: Type }>;

/**
 * Justering: the minutes name a chair, a secretary and two adjusters (justerare), and are
 * approved (justerade) when both adjusters have adjusted them. Minutes without adjusters
 * (every meeting recorded before adjusters existed) are still approved by ApproveMinutes.
 */
export const appointOfficers = (command: CommandOf<"AppointMeetingOfficers">, state: Existing): Decision<MeetingEvent> => {
  if (state.status === "approved") return reject(new MinutesFrozen({ detail: "The minutes are approved" }));
  if (state.status === "held" && state.adjustedBy.size > 0) {
    return reject(new MinutesUnderAdjustment({ detail: "The adjusters are fixed once one of them has adjusted" }));
  }
  const { registeredPeople, ...data } = command.data;
  const [first, second] = data.adjusterIds;
  if (first === second) return reject(new AdjustersNotDistinct({ detail: `Named twice: ${first}` }));
  const named = [data.chairId, data.secretaryId, ...data.adjusterIds];
  return rejectUnregistered(named, registeredPeople) ?? accept({ type: "MeetingOfficersAppointed", data });
};

export const adjustMinutes = (command: CommandOf<"AdjustMinutes">, state: Held): Decision<MeetingEvent> => {
  if (state.status === "approved") return reject(new MinutesAlreadyApproved({ detail: "Both adjusters have adjusted" }));
  if (!state.officers) return reject(new NoAdjustersAppointed({ detail: "Appoint the chair, secretary and adjusters first" }));
  const { adjusterId } = command.data;
  if (!state.officers.adjusterIds.includes(adjusterId)) {
    return reject(new NotAnAdjuster({ detail: `The adjusters are ${state.officers.adjusterIds.join(" and ")}` }));
  }
  // An adjuster who already adjusted changes nothing by adjusting again.
  return state.adjustedBy.has(adjusterId) ? accept() : accept({ type: "MinutesAdjusted", data: command.data });
};

export const approveMinutes = (command: CommandOf<"ApproveMinutes">, state: Held): Decision<MeetingEvent> => {
  if (state.status === "approved") {
    return reject(new MinutesAlreadyApproved({ detail: "Approve the minutes once; correct them if needed" }));
  }
  if (state.officers) {
    return reject(new MinutesApprovedByAdjusters({ detail: "Each adjuster adjusts the minutes instead" }));
  }
  return accept({ type: "MinutesApproved", data: command.data });
};
