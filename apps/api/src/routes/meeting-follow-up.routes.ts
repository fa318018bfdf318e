import {
  agendaCandidates,
  agendaCandidatesReadModels,
  decisionLogProjection,
  delegationDecisions,
  openNextSteps,
} from "#projections";
import { z } from "zod";
import { readFrom } from "../cqrs/read-query.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { timeTravelQuery, today } from "../http/time-parameters.js";

const tag = "Meetings";

const nextStepsQuery = timeTravelQuery.extend({
  focusArea: z.string().min(1).max(80).optional().describe("Only the items of this focus area (its meetings and initiatives)"),
});

const delegationDecisionsQuery = timeTravelQuery.extend({
  status: z
    .enum(["unreported", "reported"])
    .optional()
    .describe("`unreported`: not yet reported to a meeting held by `at`, the ones for the next meeting; default: all"),
});

/** What follows from meetings across them: the open next steps, the delegation decisions to report, the next agenda. */
export const meetingFollowUpRoutes = {
  agendaCandidates: readRoute({
    path: `${API}/agenda-candidates`,
    operationId: "agendaCandidates",
    summary:
      "Open items a planned meeting may take onto its agenda: open tensions, unanswered signals, open next steps, unreported delegation decisions (not in API.md v1)",
    tag,
    query: nextStepsQuery,
    read: ({ query }) =>
      readFrom(agendaCandidatesReadModels, ({ readModels }) =>
        agendaCandidates(readModels, { asOf: query.asOf, at: query.at ?? today(), focusArea: query.focusArea }),
      ),
  }),
  openNextSteps: readRoute({
    path: `${API}/next-steps`,
    operationId: "openNextSteps",
    summary: "The next steps open on at as known at asOf, across meetings (not in API.md v1)",
    tag,
    query: nextStepsQuery,
    read: ({ query }) =>
      readFrom([decisionLogProjection], ({ readModels }) =>
        openNextSteps(readModels, { asOf: query.asOf, at: query.at ?? today(), focusArea: query.focusArea }),
      ),
  }),
  delegationDecisions: readRoute({
    path: `${API}/delegation-decisions`,
    operationId: "delegationDecisions",
    summary:
      "Mandates granted, amended, renewed or revoked without a meeting decision, with the meetings told of them (not in API.md v1)",
    tag,
    query: delegationDecisionsQuery,
    read: ({ query }) =>
      readFrom([decisionLogProjection], ({ readModels }) =>
        delegationDecisions(readModels, { asOf: query.asOf, at: query.at ?? today(), status: query.status }),
      ),
  }),
};
