import { agreeNextStep, approveMinutes, correctMinutes, holdMeeting, recordComment, recordDecision } from "#application";
import {
  AgreeNextStepInput,
  ApproveMinutesInput,
  AttendeeAlsoAbsent,
  CorrectMinutesInput,
  HoldMeetingInput,
  MinutesAlreadyApproved,
  MinutesFrozen,
  MinutesNotApproved,
  PersonNotRegistered,
  RecordCommentInput,
  RecordDecisionInput,
} from "#domain";
import { API, type RouteDefinition } from "../http/route-definition.js";
import { freshQuery } from "../http/time-parameters.js";
import { READ_PROBLEMS, commandRoute, idParam } from "./common.js";

const tag = "Meetings";

/** What every addition to a meeting's minutes shares: its `:id` is the meetingId. */
const toTheMinutes = { tag, params: idParam, pathId: "meetingId" } as const;

export const meetingRoutes = {
  hold: commandRoute(holdMeeting, {
    path: `${API}/meetings`,
    operationId: "holdMeeting",
    summary: "Record a meeting of the Core Team or the board, with who attended and the agenda",
    tag,
    body: HoldMeetingInput,
    rules: [AttendeeAlsoAbsent, PersonNotRegistered],
  }),
  minutes: {
    method: "GET",
    path: `${API}/meetings/:id`,
    operationId: "getMeeting",
    summary: "The minutes of a meeting, with the corrections made after approval; people as person ids",
    tag,
    audience: "authenticated",
    params: idParam,
    query: freshQuery,
    status: 200,
    problems: [...READ_PROBLEMS, "not-found"],
  },
  recordDecision: commandRoute(recordDecision, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/decisions`,
    operationId: "recordDecision",
    summary: "Record a decision in the minutes; the id answered is the decisionId",
    body: RecordDecisionInput,
    rules: [MinutesFrozen],
  }),
  recordComment: commandRoute(recordComment, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/comments`,
    operationId: "recordComment",
    summary: "Record a comment on a topic in the minutes",
    body: RecordCommentInput,
    rules: [MinutesFrozen],
  }),
  agreeNextStep: commandRoute(agreeNextStep, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/next-steps`,
    operationId: "agreeNextStep",
    summary: "Record an agreed next step, optionally with its owner and due date; the id answered is the nextStepId",
    body: AgreeNextStepInput,
    rules: [MinutesFrozen, PersonNotRegistered],
  }),
  approve: commandRoute(approveMinutes, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/approval`,
    operationId: "approveMinutes",
    summary: "Approve the minutes, dated today; from then on they take only corrections",
    body: ApproveMinutesInput,
    rules: [MinutesAlreadyApproved],
  }),
  correct: commandRoute(correctMinutes, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/corrections`,
    operationId: "correctMinutes",
    summary: "Add a correction to approved minutes without rewriting them",
    body: CorrectMinutesInput,
    rules: [MinutesNotApproved],
  }),
} satisfies Record<string, RouteDefinition>;
