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
import type { ParsedRequest, RouteDefinition } from "../http/route-definition.js";
import { freshQuery } from "../http/time-parameters.js";
import { API, COMMAND_PROBLEMS, READ_PROBLEMS, WriteAnswer, idParam, rules } from "./common.js";

const tag = "Meetings";

const onMeeting = ({ params, body }: ParsedRequest) => ({ meetingId: params.id, ...body });

/** What every addition to a meeting's minutes shares. */
const toTheMinutes = {
  method: "POST",
  tag,
  audience: ["core-team"],
  params: idParam,
  response: WriteAnswer,
  status: 200,
} as const;

export const meetingRoutes = {
  hold: {
    method: "POST",
    path: `${API}/meetings`,
    operationId: "holdMeeting",
    summary: "Record a meeting of the Core Team or the board, with who attended and the agenda",
    tag,
    audience: ["core-team"],
    body: HoldMeetingInput,
    response: WriteAnswer,
    status: 201,
    problems: [...COMMAND_PROBLEMS, ...rules(AttendeeAlsoAbsent, PersonNotRegistered)],
    command: { spec: holdMeeting, input: ({ body }) => body },
  },
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
  recordDecision: {
    ...toTheMinutes,
    path: `${API}/meetings/:id/decisions`,
    operationId: "recordDecision",
    summary: "Record a decision in the minutes; the id answered is the decisionId",
    status: 201,
    body: RecordDecisionInput,
    problems: [...COMMAND_PROBLEMS, ...rules(MinutesFrozen)],
    command: { spec: recordDecision, input: onMeeting },
  },
  recordComment: {
    ...toTheMinutes,
    path: `${API}/meetings/:id/comments`,
    operationId: "recordComment",
    summary: "Record a comment on a topic in the minutes",
    body: RecordCommentInput,
    problems: [...COMMAND_PROBLEMS, ...rules(MinutesFrozen)],
    command: { spec: recordComment, input: onMeeting },
  },
  agreeNextStep: {
    ...toTheMinutes,
    path: `${API}/meetings/:id/next-steps`,
    operationId: "agreeNextStep",
    summary: "Record an agreed next step, optionally with its owner and due date; the id answered is the nextStepId",
    status: 201,
    body: AgreeNextStepInput,
    problems: [...COMMAND_PROBLEMS, ...rules(MinutesFrozen, PersonNotRegistered)],
    command: { spec: agreeNextStep, input: onMeeting },
  },
  approve: {
    ...toTheMinutes,
    path: `${API}/meetings/:id/approval`,
    operationId: "approveMinutes",
    summary: "Approve the minutes, dated today; from then on they take only corrections",
    body: ApproveMinutesInput,
    problems: [...COMMAND_PROBLEMS, ...rules(MinutesAlreadyApproved)],
    command: { spec: approveMinutes, input: onMeeting },
  },
  correct: {
    ...toTheMinutes,
    path: `${API}/meetings/:id/corrections`,
    operationId: "correctMinutes",
    summary: "Add a correction to approved minutes without rewriting them",
    body: CorrectMinutesInput,
    problems: [...COMMAND_PROBLEMS, ...rules(MinutesNotApproved)],
    command: { spec: correctMinutes, input: onMeeting },
  },
} satisfies Record<string, RouteDefinition>;
