import { rejectUnregistered } from "../person/registered-people.js";
import { assertNever } from "../shared/assert-never.js";
import { rejectAfterToday } from "../shared/dated-by-today.js";
import { type Decision, accept, reject } from "../shared/decision.js";
import type { MeetingCommand } from "./commands.js";
import {
  AgendaItemsAlike,
  AttendeeAlsoAbsent,
  MeetingWithoutAttendees,
  DelegationDecisionNotFound,
  MeetingAlreadyHeld,
  MeetingHeldInFuture,
  MeetingNotHeld,
  MeetingNotYetHeld,
  MinutesFrozen,
  MinutesNotApproved,
  MinutesUnderAdjustment,
  ParagraphNotOnAgenda,
} from "./errors.js";
import type { MeetingEvent } from "./events.js";
import { adjustMinutes, appointOfficers, approveMinutes } from "./minutes-adjustment.js";
import { followUpNextStep } from "./next-step-follow-up.js";
import { type MeetingState, delegationDecisionKey } from "./state.js";

type HoldingData = Extract<MeetingCommand, { type: "HoldMeeting" }>["data"];

/** A meeting held: not after today, somebody present, nobody both attending and absent, everybody registered. */
const rejectHolding = ({
  heldOn,
  today,
  attendees,
  absentees,
  registeredPeople,
}: Omit<HoldingData, "body" | "focusArea" | "agenda">) => {
  const ahead = rejectAfterToday(heldOn, today, MeetingHeldInFuture);
  if (ahead) return ahead;
  // Minutes with nobody present would record decisions that nobody took.
  if (attendees.length === 0) return reject(new MeetingWithoutAttendees({ detail: "Name at least one person present" }));
  const both = attendees.filter((id) => absentees.includes(id));
  if (both.length > 0) {
    return reject(new AttendeeAlsoAbsent({ detail: `Listed as attending and absent: ${both.join(", ")}` }));
  }
  return rejectUnregistered([...attendees, ...absentees], registeredPeople);
};

/**
 * Comments and decisions are recorded under an agenda item by its title and §: two items
 * titled alike would be one item to them (a comment on either shown under both).
 */
const rejectAlikeItems = (titles: ReadonlyArray<string>) => {
  const first = titles.findIndex((title, index) => titles.indexOf(title) !== index);
  if (first === -1) return undefined;
  const title = titles[first]!;
  return reject(new AgendaItemsAlike({ detail: `§ ${titles.indexOf(title) + 1} and § ${first + 1} are both titled "${title}"` }));
};

export const decideMeeting = (command: MeetingCommand, state: MeetingState): Decision<MeetingEvent> => {
  if (command.type === "HoldMeeting" || command.type === "PlanMeeting") {
    if (state.status !== "not-held") return reject(new MeetingAlreadyHeld({ detail: "This meeting id is taken" }));
    const titles = command.type === "PlanMeeting" ? command.data.agenda.map((item) => item.title) : command.data.agenda;
    const alike = rejectAlikeItems(titles);
    if (alike) return alike;
    if (command.type === "PlanMeeting") return accept({ type: "MeetingPlanned", data: command.data });
    const { registeredPeople: _, today: __, ...data } = command.data;
    return rejectHolding(command.data) ?? accept({ type: "MeetingHeld", data });
  }
  if (state.status === "not-held") return reject(new MeetingNotHeld({ detail: "Record the meeting first" }));
  if (command.type === "AppointMeetingOfficers") return appointOfficers(command, state);
  if (state.status === "planned") {
    if (command.type !== "HoldPlannedMeeting") {
      return reject(new MeetingNotYetHeld({ detail: "Record that the planned meeting was held first" }));
    }
    const { heldOn, attendees, absentees } = command.data;
    const { body, focusArea } = state;
    const agenda = state.agenda.map((item) => item.title);
    return (
      rejectHolding(command.data) ??
      accept({ type: "MeetingHeld", data: { body, focusArea, heldOn, attendees, absentees, agenda } })
    );
  }
  switch (command.type) {
    case "HoldPlannedMeeting":
      return reject(new MeetingAlreadyHeld({ detail: "The meeting is already held" }));
    case "ApproveMinutes":
      return approveMinutes(command, state);
    case "AdjustMinutes":
      return adjustMinutes(command, state);
    case "CorrectMinutes":
      return state.status === "approved"
        ? accept({ type: "MinutesCorrected", data: command.data })
        : reject(new MinutesNotApproved({ detail: "The minutes are not approved yet" }));
    case "CompleteNextStep":
    case "DropNextStep":
      return followUpNextStep(command, state);
    case "RecordDecision":
    case "RecordComment":
    case "AgreeNextStep":
    case "ReportDelegationDecisions":
      break;
    default:
      return assertNever(command, "meeting command");
  }
  // What adds to the minutes: frozen once approved, and once an adjuster has adjusted them.
  if (state.status === "approved") {
    return reject(new MinutesFrozen({ detail: "Add a correction to the approved minutes instead" }));
  }
  if (state.adjustedBy.size > 0) {
    return reject(new MinutesUnderAdjustment({ detail: "The adjusters are adjusting the minutes as they stand" }));
  }
  switch (command.type) {
    case "RecordDecision": {
      const { paragraph } = command.data;
      if (paragraph !== undefined && paragraph > state.agendaLength) {
        return reject(new ParagraphNotOnAgenda({ detail: `The agenda has § 1 to § ${state.agendaLength}` }));
      }
      return accept({ type: "DecisionRecorded", data: command.data });
    }
    case "RecordComment":
      return accept({ type: "CommentRecorded", data: command.data });
    case "AgreeNextStep": {
      const { registeredPeople, ...data } = command.data;
      const owner = data.ownerId === undefined ? [] : [data.ownerId];
      return rejectUnregistered(owner, registeredPeople) ?? accept({ type: "NextStepAgreed", data });
    }
    case "ReportDelegationDecisions": {
      const { delegationDecisions, decisions } = command.data;
      const unknown = decisions.filter((ref) => !delegationDecisions.has(delegationDecisionKey(ref)));
      if (unknown.length > 0) {
        return reject(
          new DelegationDecisionNotFound({
            detail: `Not a delegation decision: ${unknown.map(delegationDecisionKey).join(", ")}`,
          }),
        );
      }
      // Each once: those this meeting was told of already are left out; none left changes nothing.
      const seen = new Set(state.reported);
      const fresh = decisions.filter((ref) => !seen.has(delegationDecisionKey(ref)) && seen.add(delegationDecisionKey(ref)));
      return fresh.length === 0 ? accept() : accept({ type: "DelegationDecisionsReported", data: { decisions: fresh } });
    }
  }
};
