import { achieveGoal, dropGoal, reviseGoal, setGoal } from "#application";
import { AchieveGoalInput, DropGoalInput, GoalNotActive, GoalNotFound, ReviseGoalInput, SetGoalInput, isoDate } from "#domain";
import { z } from "zod";
import { API, type RouteDefinition } from "../http/route-definition.js";
import { asOfQuery } from "../http/time-parameters.js";
import { READ_PROBLEMS, commandRoute, idParam } from "./common.js";
import { LEADS_OF_THEIR_INITIATIVES, initiativeParams, initiativeRules } from "./initiative-paths.js";

const tag = "Goals";

const GoalVersion = z.object({
  goalId: z.uuid(),
  version: z.number().int(),
  change: z.enum(["set", "revised", "achieved", "dropped"]),
  status: z.enum(["active", "achieved", "dropped"]),
  statement: z.string(),
  indicator: z.string().nullable(),
  targetDate: isoDate.nullable(),
  achievedOn: isoDate.nullable(),
  evidence: z.string().nullable(),
  reason: z.string().nullable(),
  recordedAt: z.iso.datetime(),
});

/** What every command on the initiative's goals shares. */
const onTheGoals = { tag, scope: LEADS_OF_THEIR_INITIATIVES, pathId: "initiativeId" } as const;

/** What the three changes to an existing goal share. */
const onExistingGoal = {
  ...onTheGoals,
  params: initiativeParams({ goalId: z.uuid() }),
  rules: initiativeRules(GoalNotActive),
  unknownInPath: [GoalNotFound],
} as const;

export const goalRoutes = {
  set: commandRoute(setGoal, {
    ...onTheGoals,
    path: `${API}/initiatives/:id/goals`,
    operationId: "setGoal",
    summary: "Set a goal for the initiative; the id answered is the goalId",
    params: idParam,
    body: SetGoalInput,
    rules: initiativeRules(),
  }),
  revise: commandRoute(reviseGoal, {
    ...onExistingGoal,
    path: `${API}/initiatives/:id/goals/:goalId/revisions`,
    operationId: "reviseGoal",
    summary: "Revise an active goal's statement, indicator or target date",
    body: ReviseGoalInput,
  }),
  achieve: commandRoute(achieveGoal, {
    ...onExistingGoal,
    path: `${API}/initiatives/:id/goals/:goalId/achievement`,
    operationId: "achieveGoal",
    summary: "Record that an active goal was achieved",
    body: AchieveGoalInput,
  }),
  drop: commandRoute(dropGoal, {
    ...onExistingGoal,
    path: `${API}/initiatives/:id/goals/:goalId/drop`,
    operationId: "dropGoal",
    summary: "Drop an active goal",
    body: DropGoalInput,
  }),
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
