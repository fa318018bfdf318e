import { agreeNextStep, approveMinutes, correctMinutes, holdMeeting, recordComment, recordDecision } from "#application";
import { decisionLogProjection, meeting } from "#projections";
import { readFrom } from "../cqrs/read-query.js";
import { commandRoute } from "../http/command-route.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { READ_PROBLEMS } from "../http/standard-problems.js";
import { freshQuery } from "../http/time-parameters.js";
import { idParam } from "./common.js";

const tag = "Meetings";

/** What every addition to a meeting's minutes shares: its `:id` is the meetingId. */
const toTheMinutes = { tag, id: "meetingId" } as const;

export const meetingRoutes = {
  hold: commandRoute(holdMeeting, {
    path: `${API}/meetings`,
    operationId: "holdMeeting",
    summary: "Record a meeting of the Core Team or the board, with who attended and the agenda",
    tag,
  }),
  minutes: readRoute({
    path: `${API}/meetings/:id`,
    operationId: "getMeeting",
    summary: "The minutes of a meeting, with the corrections made after approval; people as person ids",
    tag,
    params: idParam,
    query: freshQuery,
    problems: [...READ_PROBLEMS, "not-found"],
    read: ({ params }) => readFrom([decisionLogProjection], ({ readModels }) => meeting(readModels, params.id)),
  }),
  recordDecision: commandRoute(recordDecision, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/decisions`,
    operationId: "recordDecision",
    summary: "Record a decision in the minutes; the id answered is the decisionId",
  }),
  recordComment: commandRoute(recordComment, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/comments`,
    operationId: "recordComment",
    summary: "Record a comment on a topic in the minutes",
  }),
  agreeNextStep: commandRoute(agreeNextStep, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/next-steps`,
    operationId: "agreeNextStep",
    summary: "Record an agreed next step, optionally with its owner and due date; the id answered is the nextStepId",
  }),
  approve: commandRoute(approveMinutes, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/approval`,
    operationId: "approveMinutes",
    summary: "Approve the minutes, dated today; from then on they take only corrections",
  }),
  correct: commandRoute(correctMinutes, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/corrections`,
    operationId: "correctMinutes",
    summary: "Add a correction to approved minutes without rewriting them",
  }),
};
