import {
  adjustMinutes,
  agreeNextStep,
  appointMeetingOfficers,
  approveMinutes,
  completeNextStep,
  correctMinutes,
  dropNextStep,
  holdMeeting,
  holdPlannedMeeting,
  planMeeting,
  recordComment,
  recordDecision,
  registerDecision,
  registerMinutes,
  reportDelegationDecisions,
} from "#application";
import { DecisionKind, MeetingBody, meetingStream } from "#domain";
import { decisionLogProjection, registeredMeeting } from "#projections";
import { readFrom } from "../cqrs/read-query.js";
import { commandRoute } from "../http/command-route.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { READ_PROBLEMS } from "../http/standard-problems.js";
import { timeTravelQuery, today } from "../http/time-parameters.js";
import { z } from "zod";
import { idParam } from "./common.js";

const tag = "Meetings";

const day = z.string().describe("YYYY-MM-DD");
const nullableDay = day.nullable();

/** GET /meetings/{id}: the minutes, as docs/api.md "Meetings" describes each field. */
const MeetingMinutes = z.object({
  id: z.string(),
  body: MeetingBody,
  focusArea: z.string(),
  status: z.enum(["planned", "held", "approved"]),
  plannedOn: nullableDay,
  heldOn: nullableDay,
  attendees: z.array(z.string()).describe("Person ids"),
  absentees: z.array(z.string()).describe("Person ids"),
  agenda: z.array(z.string()).describe("The agenda's titles, § 1 first"),
  agendaItems: z.array(
    z.object({
      paragraph: z.number().int(),
      title: z.string(),
      source: z.looseObject({}).nullable().describe("The open item it was planned from"),
    }),
  ),
  chairId: z.string().nullable(),
  secretaryId: z.string().nullable(),
  adjusterIds: z.array(z.string()),
  adjustments: z.array(z.object({ adjusterId: z.string(), on: day, recordedAt: z.string() })),
  decisions: z.array(
    z.object({
      decisionId: z.string(),
      subject: z.string(),
      decision: z.string(),
      rationale: z.string().nullable(),
      kind: DecisionKind,
      paragraph: z.number().int().nullable(),
      registrationNumber: z.string().nullable(),
    }),
  ),
  comments: z.array(z.object({ topic: z.string(), comment: z.string() })),
  nextSteps: z.array(
    z.object({
      nextStepId: z.string(),
      text: z.string(),
      ownerId: z.string().nullable(),
      due: nullableDay,
      status: z.enum(["open", "done", "dropped"]),
      closedOn: nullableDay,
      reason: z.string().nullable(),
    }),
  ),
  reportedDelegationDecisions: z.array(z.looseObject({})).describe("The delegation decisions this meeting was told of"),
  corrections: z.array(z.object({ correction: z.string(), reason: z.string(), recordedAt: z.string() })),
  approved: z.boolean(),
  approvedOn: nullableDay,
  approvalSeal: z.looseObject({}).nullable().describe("The seal of the whole log the approval carries"),
  registrationNumber: z.string().nullable(),
});

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
    summary:
      "The minutes of a meeting as known at asOf, with the corrections made after approval and each next step's status on at; people as person ids",
    tag,
    params: idParam,
    query: timeTravelQuery,
    response: MeetingMinutes,
    problems: [...READ_PROBLEMS, "not-found"],
    stream: (params) => meetingStream(params.id),
    read: ({ params, query }) =>
      readFrom([decisionLogProjection], ({ readModels }) =>
        registeredMeeting(readModels, params.id, { asOf: query.asOf, at: query.at ?? today() }),
      ),
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
  plan: commandRoute(planMeeting, {
    path: `${API}/meetings/planned`,
    operationId: "planMeeting",
    summary: "Plan a meeting: its date and its agenda, whose items may name the open item they come from",
    tag,
  }),
  holdPlanned: commandRoute(holdPlannedMeeting, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/held`,
    operationId: "holdPlannedMeeting",
    summary: "Record that a planned meeting was held, with who attended; the agenda is the plan's",
  }),
  appointOfficers: commandRoute(appointMeetingOfficers, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/officers`,
    operationId: "appointMeetingOfficers",
    summary: "Name the chair, the secretary and the two adjusters (justerare) of the minutes",
  }),
  adjust: commandRoute(adjustMinutes, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/adjustment`,
    operationId: "adjustMinutes",
    summary: "Adjust (justera) the minutes as one of their two adjusters, dated today; with both, they are approved",
    scope: "Only the two adjusters, each acting as themselves: the signed-in person must be the adjuster.",
  }),
  completeNextStep: commandRoute(completeNextStep, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/next-steps/:nextStepId/completion`,
    operationId: "completeNextStep",
    summary: "Mark a next step done on a day",
  }),
  dropNextStep: commandRoute(dropNextStep, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/next-steps/:nextStepId/drop`,
    operationId: "dropNextStep",
    summary: "Drop a next step on a day, with the reason",
  }),
  reportDelegationDecisions: commandRoute(reportDelegationDecisions, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/delegation-decisions`,
    operationId: "reportDelegationDecisions",
    summary: "Record in the minutes that the meeting was told of delegation decisions (anmälan av delegationsbeslut)",
  }),
  registerMinutes: commandRoute(registerMinutes, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/registration`,
    operationId: "registerMinutes",
    summary:
      "Give the minutes the next registration number (diarienummer) of the configured series, in the year the meeting was held",
  }),
  registerDecision: commandRoute(registerDecision, {
    ...toTheMinutes,
    path: `${API}/meetings/:id/decisions/:decisionId/registration`,
    operationId: "registerDecision",
    summary:
      "Give a decision the next registration number (diarienummer) of the configured series, in the year its meeting was held",
  }),
};
