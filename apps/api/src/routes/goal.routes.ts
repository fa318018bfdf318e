import { achieveGoal, dropGoal, reviseGoal, setGoal } from "#application";
import { AchieveGoalInput, DropGoalInput, GoalNotActive, GoalNotFound, ReviseGoalInput, SetGoalInput } from "#domain";
import { z } from "zod";
import type { RouteDefinition } from "../http/route-definition.js";
import { asOfQuery } from "../http/time-parameters.js";
import { API, READ_PROBLEMS, WriteAnswer, idParam, rules } from "./common.js";
import { coreTeamOrItsLeads, initiativeParams, initiativeProblems, onInitiative } from "./initiative-paths.js";

const tag = "Goals";
const goalParams = initiativeParams({ goalId: z.uuid() });
const date = z.iso.date();

const GoalVersion = z.object({
  goalId: z.uuid(),
  version: z.number().int(),
  change: z.enum(["set", "revised", "achieved", "dropped"]),
  status: z.enum(["active", "achieved", "dropped"]),
  statement: z.string(),
  indicator: z.string().nullable(),
  targetDate: date.nullable(),
  achievedOn: date.nullable(),
  evidence: z.string().nullable(),
  reason: z.string().nullable(),
  recordedAt: z.iso.datetime(),
});

/** What the three changes to an existing goal share. */
const onExistingGoal = {
  method: "POST",
  tag,
  ...coreTeamOrItsLeads,
  params: goalParams,
  response: WriteAnswer,
  status: 200,
  problems: initiativeProblems(GoalNotActive),
  unknownInPath: rules(GoalNotFound),
} as const;

export const goalRoutes = {
  set: {
    method: "POST",
    path: `${API}/initiatives/:id/goals`,
    operationId: "setGoal",
    summary: "Set a goal for the initiative; the id answered is the goalId",
    tag,
    ...coreTeamOrItsLeads,
    params: idParam,
    body: SetGoalInput,
    response: WriteAnswer,
    status: 201,
    problems: initiativeProblems(),
    command: { spec: setGoal, input: onInitiative },
  },
  revise: {
    ...onExistingGoal,
    path: `${API}/initiatives/:id/goals/:goalId/revisions`,
    operationId: "reviseGoal",
    summary: "Revise an active goal's statement, indicator or target date",
    body: ReviseGoalInput,
    command: { spec: reviseGoal, input: onInitiative },
  },
  achieve: {
    ...onExistingGoal,
    path: `${API}/initiatives/:id/goals/:goalId/achievement`,
    operationId: "achieveGoal",
    summary: "Record that an active goal was achieved",
    body: AchieveGoalInput,
    command: { spec: achieveGoal, input: onInitiative },
  },
  drop: {
    ...onExistingGoal,
    path: `${API}/initiatives/:id/goals/:goalId/drop`,
    operationId: "dropGoal",
    summary: "Drop an active goal",
    body: DropGoalInput,
    command: { spec: dropGoal, input: onInitiative },
  },
  history: {
    method: "GET",
    path: `${API}/initiatives/:id/goals`,
    operationId: "goalHistory",
    summary: "Every version of the initiative's goals recorded by asOf, oldest first (not in API.md v1)",
    tag,
    audience: "authenticated",
    params: idParam,
    query: asOfQuery,
    response: z.array(GoalVersion),
    status: 200,
    problems: [...READ_PROBLEMS, "not-found"],
  },
} satisfies Record<string, RouteDefinition>;
