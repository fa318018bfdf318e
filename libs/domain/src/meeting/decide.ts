import { rejectUnregistered } from "../person/registered-people.js";
import { assertNever } from "../shared/assert-never.js";
import { type Decision, accept, reject } from "../shared/decision.js";
import type { MeetingCommand } from "./commands.js";
import {
  AttendeeAlsoAbsent,
  MeetingAlreadyHeld,
  MeetingNotHeld,
  MinutesAlreadyApproved,
  MinutesFrozen,
  MinutesNotApproved,
} from "./errors.js";
import type { MeetingEvent } from "./events.js";
import type { MeetingState } from "./state.js";

export const decideMeeting = (command: MeetingCommand, state: MeetingState): Decision<MeetingEvent> => {
  if (command.type === "HoldMeeting") {
    if (state.status !== "not-held") return reject(new MeetingAlreadyHeld({ detail: "This meeting id is taken" }));
    const { registeredPeople, ...data } = command.data;
    const both = data.attendees.filter((id) => data.absentees.includes(id));
    if (both.length > 0) {
      return reject(new AttendeeAlsoAbsent({ detail: `Listed as attending and absent: ${both.join(", ")}` }));
    }
    const named = [...data.attendees, ...data.absentees];
    return rejectUnregistered(named, registeredPeople) ?? accept({ type: "MeetingHeld", data });
  }
  if (state.status === "not-held") return reject(new MeetingNotHeld({ detail: "Record the meeting first" }));
  if (state.status === "approved" && command.type === "ApproveMinutes") {
    return reject(new MinutesAlreadyApproved({ detail: "Approve the minutes once; correct them if needed" }));
  }
  if (state.status === "approved" && command.type !== "CorrectMinutes") {
    return reject(new MinutesFrozen({ detail: "Add a correction to the approved minutes instead" }));
  }
  switch (command.type) {
    case "RecordDecision":
      return accept({ type: "DecisionRecorded", data: command.data });
    case "RecordComment":
      return accept({ type: "CommentRecorded", data: command.data });
    case "AgreeNextStep": {
      const { registeredPeople, ...data } = command.data;
      const owner = data.ownerId === undefined ? [] : [data.ownerId];
      return rejectUnregistered(owner, registeredPeople) ?? accept({ type: "NextStepAgreed", data });
    }
    case "ApproveMinutes":
      return accept({ type: "MinutesApproved", data: command.data });
    case "CorrectMinutes":
      return state.status === "approved"
        ? accept({ type: "MinutesCorrected", data: command.data })
        : reject(new MinutesNotApproved({ detail: "The minutes are not approved yet" }));
    default:
      return assertNever(command, "meeting command");
  }
};
