import { isoDate } from "#domain";
import { z } from "zod";
import { API, type RouteDefinition } from "../http/route-definition.js";
import { minPositionParameter } from "../http/time-parameters.js";
import { READ_PROBLEMS } from "./common.js";

const decisionLogQuery = z.strictObject({
  from: isoDate.optional().describe("First meeting date included (YYYY-MM-DD); default: the first meeting"),
  to: isoDate.optional().describe("Last meeting date included (YYYY-MM-DD); default: the latest meeting"),
  minPosition: minPositionParameter.optional(),
});

export const decisionRoutes = {
  log: {
    method: "GET",
    path: `${API}/decisions`,
    operationId: "decisionLog",
    summary: "The decisions of the meetings held between from and to, by meeting date, each with the events that cite it",
    tag: "Decisions",
    audience: "authenticated",
    query: decisionLogQuery,
    status: 200,
    problems: READ_PROBLEMS,
  },
} satisfies Record<string, RouteDefinition>;
