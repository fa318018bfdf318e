import { amendBudget, approveBudget, proposeBudget, recordExternalFunding, recordValueReflection } from "#application";
import {
  AmendBudgetInput,
  ApproveBudgetInput,
  BudgetAlreadyApproved,
  BudgetAlreadyProposed,
  BudgetDecisionKind,
  BudgetNotApproved,
  BudgetYear,
  DecisionNotFound,
  FocusArea,
  InitiativeNotRegistered,
  ProposeBudgetInput,
  RecordExternalFundingInput,
  RecordValueReflectionInput,
} from "#domain";
import { z } from "zod";
import { API, type RouteDefinition } from "../http/route-definition.js";
import { asOfQuery } from "../http/time-parameters.js";
import { READ_PROBLEMS, commandRoute } from "./common.js";

const tag = "Budgets";

/** A budget is named by its focus area and year: `/budgets/{focusArea}/{year}`. */
const budgetParams = z.strictObject({
  focusArea: FocusArea,
  year: z.coerce.number().pipe(BudgetYear).describe("The budget year, an integer from 2000 to 2100"),
});
const BUDGET = `${API}/budgets/:focusArea/:year`;

/** What every command on a budget shares; its path ids are the spec's `focusArea` and `year`. */
const onTheBudget = { tag, params: budgetParams } as const;

export const budgetRoutes = {
  propose: commandRoute(proposeBudget, {
    ...onTheBudget,
    path: `${BUDGET}/proposal`,
    operationId: "proposeBudget",
    summary: "Propose the focus area's budget for the year; the id answered is `{focusArea}-{year}`",
    body: ProposeBudgetInput,
    rules: [BudgetAlreadyProposed, InitiativeNotRegistered],
  }),
  approve: commandRoute(approveBudget, {
    ...onTheBudget,
    path: `${BUDGET}/approval`,
    operationId: "approveBudget",
    summary: "Approve the proposed budget by a budget decision recorded in a meeting",
    body: ApproveBudgetInput,
    rules: [BudgetAlreadyApproved, DecisionNotFound, BudgetDecisionKind],
  }),
  overview: {
    method: "GET",
    path: BUDGET,
    operationId: "getBudget",
    summary: "The budget as known at asOf: its lines then, approval, amendments, external funding and value reflections",
    tag,
    audience: "authenticated",
    params: budgetParams,
    query: asOfQuery,
    status: 200,
    problems: [...READ_PROBLEMS, "not-found"],
  },
  amend: commandRoute(amendBudget, {
    ...onTheBudget,
    path: `${BUDGET}/amendments`,
    operationId: "amendBudget",
    summary: "Replace the approved budget's lines by a budget decision (not in API.md v1)",
    body: AmendBudgetInput,
    rules: [BudgetNotApproved, DecisionNotFound, BudgetDecisionKind, InitiativeNotRegistered],
  }),
  recordExternalFunding: commandRoute(recordExternalFunding, {
    ...onTheBudget,
    path: `${BUDGET}/external-funding`,
    operationId: "recordExternalFunding",
    summary: "Record funding from outside the budget, optionally for one initiative (not in API.md v1)",
    body: RecordExternalFundingInput,
    rules: [InitiativeNotRegistered],
  }),
  recordValueReflection: commandRoute(recordValueReflection, {
    ...onTheBudget,
    path: `${BUDGET}/value-reflections`,
    operationId: "recordValueReflection",
    summary: "Record a reflection on the value the money created, optionally for one initiative (not in API.md v1)",
    body: RecordValueReflectionInput,
    rules: [InitiativeNotRegistered],
  }),
} satisfies Record<string, RouteDefinition>;
