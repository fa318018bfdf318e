import { achieveGoal, dropGoal, reviseGoal, setGoal } from "#application";
import { isoDate } from "#domain";
import { goalHistoryPage, goalHistoryProjection } from "#projections";
import { z } from "zod";
import { commandRoute } from "../http/command-route.js";
import { asOfListQuery, pageRequest, paged } from "../http/pagination.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { READ_PROBLEMS } from "../http/standard-problems.js";
import { idParam } from "./common.js";
import { LEADS_OF_THEIR_INITIATIVES, ifInitiativeKnown } from "./initiative-paths.js";

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

/** What every command on the initiative's goals shares: its `:id` is the initiativeId. */
const onTheGoals = { tag, scope: LEADS_OF_THEIR_INITIATIVES, id: "initiativeId" } as const;

export const goalRoutes = {
  set: commandRoute(setGoal, {
    ...onTheGoals,
    path: `${API}/initiatives/:id/goals`,
    operationId: "setGoal",
    summary: "Set a goal for the initiative; the id answered is the goalId",
  }),
  revise: commandRoute(reviseGoal, {
    ...onTheGoals,
    path: `${API}/initiatives/:id/goals/:goalId/revisions`,
    operationId: "reviseGoal",
    summary: "Revise an active goal's statement, indicator or target date",
  }),
  achieve: commandRoute(achieveGoal, {
    ...onTheGoals,
    path: `${API}/initiatives/:id/goals/:goalId/achievement`,
    operationId: "achieveGoal",
    summary: "Record that an active goal was achieved",
  }),
  drop: commandRoute(dropGoal, {
    ...onTheGoals,
    path: `${API}/initiatives/:id/goals/:goalId/drop`,
    operationId: "dropGoal",
    summary: "Drop an active goal",
  }),
  history: readRoute({
    path: `${API}/initiatives/:id/goals`,
    operationId: "goalHistory",
    summary: "Every version of the initiative's goals recorded by asOf, oldest first",
    tag,
    params: idParam,
    query: asOfListQuery,
    response: z.array(GoalVersion),
    problems: [...READ_PROBLEMS, "not-found"],
    read: ({ params, query }) =>
      ifInitiativeKnown([goalHistoryProjection], params.id, query.asOf, (db) =>
        paged(pageRequest(query), (page) => goalHistoryPage(db, params.id, { asOf: query.asOf, page })),
      ),
  }),
};
