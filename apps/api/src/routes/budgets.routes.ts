import {
  ProposeBudgetInput,
  amendBudget,
  approveBudget,
  changeExternalFundingStatus,
  linkExternalFunding,
  proposeBudget,
  recordContributionInKind,
  recordExternalFunding,
  recordValueReflection,
} from "#application";
import { budget, budgetsProjection, inOneSnapshot, mandateHistoryProjection, mandatesAgainstLines } from "#projections";
import { budgetStream, isoDate } from "#domain";
import { z } from "zod";
import { readFrom } from "../cqrs/read-query.js";
import { commandRoute } from "../http/command-route.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { READ_PROBLEMS } from "../http/standard-problems.js";
import { timeTravelQuery, today } from "../http/time-parameters.js";

const tag = "Budgets";

const Line = z.object({ lineId: z.uuid(), purpose: z.string(), initiativeId: z.uuid().nullable(), amountSek: z.number().int() });
const Decision = z.object({ meetingId: z.uuid(), decisionId: z.uuid() });

/** The budget read (docs/api.md "Budgets"), for the documentation. */
const BudgetOverview = z.object({
  focusArea: z.string(),
  year: z.number().int(),
  status: z.enum(["proposed", "approved"]),
  lines: z.array(Line),
  proposedTotalSek: z.number().int(),
  approvedTotalSek: z.number().int().nullable(),
  decision: Decision.nullable(),
  amendments: z.array(z.object({ reason: z.string(), decision: Decision, recordedAt: z.iso.datetime() })),
  externalFunding: z.array(
    z.object({
      fundingId: z.uuid().nullable().describe("Null for funding recorded before fundings had ids"),
      source: z.string(),
      amountSek: z.number().int().describe("As recorded: applied for, or received"),
      initiativeId: z.uuid().nullable(),
      on: isoDate,
      status: z.enum(["applied", "granted", "rejected"]).describe("On at, as known at asOf"),
      statusOn: isoDate,
      grantedSek: z.number().int().nullable(),
      lineId: z.uuid().nullable(),
    }),
  ),
  externalFundingTotalSek: z.number().int().describe("Granted on at"),
  externalFundingAppliedSek: z.number().int().describe("Still applied for on at"),
  reflections: z.array(
    z.object({
      initiativeId: z.uuid().nullable(),
      reflection: z.string(),
      valueRating: z.number().int(),
      on: isoDate,
      goalIds: z.array(z.uuid()),
      readingIds: z.array(z.uuid()),
    }),
  ),
  contributionsInKind: z.array(
    z.object({
      contributionId: z.uuid(),
      organisationId: z.uuid(),
      initiativeId: z.uuid().nullable(),
      periodFrom: isoDate,
      periodTo: isoDate,
      hours: z.number(),
      valueSek: z.number().int(),
      note: z.string().nullable(),
      recordedAt: z.iso.datetime(),
    }),
  ),
  contributionsByOrganisation: z.array(z.object({ organisationId: z.uuid(), hours: z.number(), valueSek: z.number().int() })),
  contributionsInKindTotal: z.object({ hours: z.number(), valueSek: z.number().int() }),
  totalWithContributionsSek: z
    .number()
    .int()
    .describe("The approved (else proposed) total plus the value of the contributions in kind"),
  previousYears: z.array(z.object({ year: z.number().int(), lines: z.array(Line), approvedTotalSek: z.number().int() })),
  mandatesAgainstLines: z.array(
    z.object({
      initiativeId: z.uuid(),
      lineIds: z.array(z.uuid()),
      lineTotalSek: z.number().int(),
      mandateId: z.uuid().nullable(),
      mandateBudgetSek: z.number().int().nullable(),
      warning: z
        .enum(["mandate-budget-exceeds-line", "mandate-budget-below-line", "mandate-without-budget", "no-mandate-in-force"])
        .nullable()
        .describe("A warning, never a rule: null when the mandate's budget equals the lines' total"),
    }),
  ),
});

/** A budget is named by its focus area and year, `/budgets/{focusArea}/{year}`, as every budget command names it. */
const budgetParams = ProposeBudgetInput.pick({ focusArea: true, year: true });
const BUDGET = `${API}/budgets/:focusArea/:year`;

export const budgetRoutes = {
  propose: commandRoute(proposeBudget, {
    path: `${BUDGET}/proposal`,
    operationId: "proposeBudget",
    summary: "Propose the focus area's budget for the year; the id answered is `{focusArea}-{year}`",
    tag,
  }),
  approve: commandRoute(approveBudget, {
    path: `${BUDGET}/approval`,
    operationId: "approveBudget",
    summary: "Approve the proposed budget by a budget decision recorded in a meeting",
    tag,
  }),
  overview: readRoute({
    path: BUDGET,
    operationId: "getBudget",
    summary:
      "The budget as known at asOf: its lines then, approval, amendments, external funding with its status on at, contributions in kind whose period starts by at, value reflections, the earlier years' approved budgets, and each funded initiative's mandate budget against its lines",
    tag,
    params: budgetParams,
    query: timeTravelQuery,
    response: BudgetOverview,
    problems: [...READ_PROBLEMS, "not-found"],
    stream: (params) => budgetStream(params.focusArea, params.year),
    read: ({ params, query }) =>
      readFrom([budgetsProjection, mandateHistoryProjection], ({ readModels }) =>
        inOneSnapshot(readModels, () => {
          const at = query.at ?? today();
          const read = budget(readModels, params.focusArea, params.year, { asOf: query.asOf, at });
          // A mandate's budget beside the line that funds its initiative: a warning where they differ, never a rule.
          const againstLines = () =>
            mandatesAgainstLines(readModels, params.focusArea, params.year, { ...(query.asOf ? { asOf: query.asOf } : {}), at });
          return read && { ...read, mandatesAgainstLines: againstLines() };
        }),
      ),
  }),
  amend: commandRoute(amendBudget, {
    path: `${BUDGET}/amendments`,
    operationId: "amendBudget",
    summary: "Replace the approved budget's lines by a budget decision",
    tag,
  }),
  recordExternalFunding: commandRoute(recordExternalFunding, {
    path: `${BUDGET}/external-funding`,
    operationId: "recordExternalFunding",
    summary:
      "Record funding from outside the budget, applied for or granted, optionally for one initiative and one budget line; the id answered is the fundingId",
    tag,
  }),
  changeExternalFundingStatus: commandRoute(changeExternalFundingStatus, {
    path: `${BUDGET}/external-funding/:fundingId/status`,
    operationId: "changeExternalFundingStatus",
    summary: "Grant or reject external funding applied for, from a day on",
    tag,
  }),
  linkExternalFunding: commandRoute(linkExternalFunding, {
    path: `${BUDGET}/external-funding/:fundingId/line`,
    operationId: "linkExternalFunding",
    summary: "Link external funding to a budget line in force",
    tag,
  }),
  recordContributionInKind: commandRoute(recordContributionInKind, {
    path: `${BUDGET}/contributions-in-kind`,
    operationId: "recordContributionInKind",
    summary:
      "Record staff time an organisation gives an initiative or the focus area over a period of the year, in hours and kronor; the id answered is the contributionId",
    tag,
  }),
  recordValueReflection: commandRoute(recordValueReflection, {
    path: `${BUDGET}/value-reflections`,
    operationId: "recordValueReflection",
    summary: "Record a reflection on the value the money created, optionally for one initiative",
    tag,
  }),
};
