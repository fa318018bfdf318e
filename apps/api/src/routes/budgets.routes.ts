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
  ProposeBudgetInput,
  RecordExternalFundingInput,
  RecordValueReflectionInput,
} from "#domain";
import { z } from "zod";
import type { ParsedRequest, RouteDefinition } from "../http/route-definition.js";
import { freshQuery } from "../http/time-parameters.js";
import { API, COMMAND_PROBLEMS, READ_PROBLEMS, WriteAnswer, rules } from "./common.js";

const tag = "Budgets";

/** A budget is named by its focus area and year: `/budgets/{focusArea}/{year}`. */
const budgetParams = z.strictObject({
  focusArea: FocusArea,
  year: z.coerce.number().pipe(BudgetYear).describe("The budget year, an integer from 2000 to 2100"),
});
const BUDGET = `${API}/budgets/:focusArea/:year`;

const onBudget = ({ params, body }: ParsedRequest) => ({ ...params, ...body });

/** What every command on a budget shares. */
const onTheBudget = {
  method: "POST",
  tag,
  audience: ["core-team"],
  params: budgetParams,
  response: WriteAnswer,
  status: 200,
} as const;

export const budgetRoutes = {
  propose: {
    ...onTheBudget,
    path: `${BUDGET}/proposal`,
    operationId: "proposeBudget",
    summary: "Propose the focus area's budget for the year; the id answered is `{focusArea}-{year}`",
    body: ProposeBudgetInput,
    status: 201,
    problems: [...COMMAND_PROBLEMS, ...rules(BudgetAlreadyProposed)],
    command: { spec: proposeBudget, input: onBudget },
  },
  approve: {
    ...onTheBudget,
    path: `${BUDGET}/approval`,
    operationId: "approveBudget",
    summary: "Approve the proposed budget by a budget decision recorded in a meeting",
    body: ApproveBudgetInput,
    problems: [...COMMAND_PROBLEMS, ...rules(BudgetAlreadyApproved, DecisionNotFound, BudgetDecisionKind)],
    command: { spec: approveBudget, input: onBudget },
  },
  overview: {
    method: "GET",
    path: BUDGET,
    operationId: "getBudget",
    summary: "The budget with its current lines, approval, amendments, external funding and value reflections",
    tag,
    audience: "authenticated",
    params: budgetParams,
    query: freshQuery,
    status: 200,
    problems: [...READ_PROBLEMS, "not-found"],
  },
  amend: {
    ...onTheBudget,
    path: `${BUDGET}/amendments`,
    operationId: "amendBudget",
    summary: "Replace the approved budget's lines by a budget decision (not in API.md v1)",
    body: AmendBudgetInput,
    problems: [...COMMAND_PROBLEMS, ...rules(BudgetNotApproved, DecisionNotFound, BudgetDecisionKind)],
    command: { spec: amendBudget, input: onBudget },
  },
  recordExternalFunding: {
    ...onTheBudget,
    path: `${BUDGET}/external-funding`,
    operationId: "recordExternalFunding",
    summary: "Record funding from outside the budget, optionally for one initiative (not in API.md v1)",
    body: RecordExternalFundingInput,
    problems: COMMAND_PROBLEMS,
    command: { spec: recordExternalFunding, input: onBudget },
  },
  recordValueReflection: {
    ...onTheBudget,
    path: `${BUDGET}/value-reflections`,
    operationId: "recordValueReflection",
    summary: "Record a reflection on the value the money created, optionally for one initiative (not in API.md v1)",
    body: RecordValueReflectionInput,
    problems: COMMAND_PROBLEMS,
    command: { spec: recordValueReflection, input: onBudget },
  },
} satisfies Record<string, RouteDefinition>;
