import type { Decider } from "../shared/decider.js";
import type { MeetingCommand } from "./commands.js";
import { decideMeeting } from "./decide.js";
import type { MeetingEvent } from "./events.js";
import { evolveMeeting } from "./evolve.js";
import { type MeetingState, initialMeetingState } from "./state.js";

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  initialState: initialMeetingState,
  evolve: evolveMeeting,
  decide: decideMeeting,
};
