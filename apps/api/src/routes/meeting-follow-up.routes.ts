import {
  AGENDA_CANDIDATE_ORDER,
  agendaCandidateKey,
  agendaCandidates,
  agendaCandidatesReadModels,
  decisionLogProjection,
  delegationDecisions,
  OPEN_NEXT_STEP_ORDER,
  openNextStepKey,
  openNextSteps,
  pageOfList,
} from "#projections";
import { AgendaSource, hasAnyRole, isoDate } from "#domain";
import { z } from "zod";
import { readFrom } from "../cqrs/read-query.js";
import { pageQuery, pageRequest, paged } from "../http/pagination.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { timeTravelQuery, today } from "../http/time-parameters.js";
import { CORE_TEAM_TENSION_READERS } from "./tensions.routes.js";

const tag = "Meetings";

// These lists are composed whole (filtered after reading, or from several read models) and
// paged after, by a key each item carries: a cursor stays put as items close before it.
const nextStepsQuery = timeTravelQuery.extend({
  focusArea: z.string().min(1).max(80).optional().describe("Only the items of this focus area (its meetings and initiatives)"),
  ...pageQuery.shape,
});

const ASCENDING = [{}] as const;

const AgendaCandidate = z.object({
  kind: z.enum(["tension", "signal", "next-step", "delegation-decision"]),
  title: z.string().describe("As an agenda item of the planned meeting may take it"),
  source: AgendaSource,
  since: isoDate.describe("The day it became open"),
  initiativeId: z.uuid().nullable().describe("None for a next step or a tension within the Core Team"),
});

const OpenNextStep = z.object({
  meetingId: z.uuid(),
  heldOn: isoDate,
  nextStepId: z.uuid(),
  text: z.string(),
  ownerId: z.uuid().nullable(),
  due: isoDate.nullable(),
  position: z.number().int().describe("Its place in the log"),
});

const DelegationDecision = z.object({
  initiativeId: z.uuid(),
  revision: z.number().int().describe("With the initiative, what names the decision"),
  type: z.enum(["MandateGranted", "MandateAmended", "MandateRenewed", "MandateRevoked"]),
  mandateId: z.uuid(),
  effectiveFrom: isoDate.nullable(),
  reason: z.string().nullable(),
  decidedBy: z.string().describe("The person (token subject) who recorded it"),
  decidedOn: isoDate,
  recordedAt: z.iso.datetime(),
  reportedIn: z.array(z.object({ meetingId: z.uuid(), heldOn: isoDate })),
  position: z.number().int().describe("Its place in the log"),
});

const delegationDecisionsQuery = timeTravelQuery.extend({
  status: z
    .enum(["unreported", "reported"])
    .optional()
    .describe("`unreported`: not yet reported to a meeting held by `at`, the ones for the next meeting; default: all"),
  ...pageQuery.shape,
});

/** What follows from meetings across them: the open next steps, the delegation decisions to report, the next agenda. */
export const meetingFollowUpRoutes = {
  agendaCandidates: readRoute({
    path: `${API}/agenda-candidates`,
    operationId: "agendaCandidates",
    summary:
      "Open items a planned meeting may take onto its agenda: open tensions, unanswered signals, open next steps, unreported delegation decisions",
    tag,
    query: nextStepsQuery,
    scope: `Tensions naming no initiative only for ${CORE_TEAM_TENSION_READERS.join(", ")}, as on the tension list.`,
    response: z.array(AgendaCandidate),
    read: ({ query }, principal) =>
      readFrom(agendaCandidatesReadModels, ({ readModels }) =>
        paged(pageRequest(query), (request) =>
          pageOfList(
            agendaCandidates(readModels, {
              asOf: query.asOf,
              at: query.at ?? today(),
              focusArea: query.focusArea,
              withinCoreTeam: hasAnyRole(principal, CORE_TEAM_TENSION_READERS),
            }),
            AGENDA_CANDIDATE_ORDER,
            request,
            agendaCandidateKey,
          ),
        ),
      ),
  }),
  openNextSteps: readRoute({
    path: `${API}/next-steps`,
    operationId: "openNextSteps",
    summary: "The next steps open on at as known at asOf, across meetings",
    tag,
    query: nextStepsQuery,
    response: z.array(OpenNextStep),
    read: ({ query }) =>
      readFrom([decisionLogProjection], ({ readModels }) =>
        paged(pageRequest(query), (request) =>
          pageOfList(
            openNextSteps(readModels, { asOf: query.asOf, at: query.at ?? today(), focusArea: query.focusArea }),
            OPEN_NEXT_STEP_ORDER,
            request,
            openNextStepKey,
          ),
        ),
      ),
  }),
  delegationDecisions: readRoute({
    path: `${API}/delegation-decisions`,
    operationId: "delegationDecisions",
    summary: "Mandates granted, amended, renewed or revoked without a meeting decision, with the meetings told of them",
    tag,
    query: delegationDecisionsQuery,
    response: z.array(DelegationDecision),
    read: ({ query }) =>
      readFrom([decisionLogProjection], ({ readModels }) =>
        paged(pageRequest(query), (request) =>
          pageOfList(
            delegationDecisions(readModels, { asOf: query.asOf, at: query.at ?? today(), status: query.status }),
            ASCENDING,
            request,
            (decision) => [decision.position],
          ),
        ),
      ),
  }),
};
