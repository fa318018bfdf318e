import { archiveRoute } from "../audit/archive.controller.js";
import { exportRoute } from "../audit/export.controller.js";
import { sealRoutes } from "../audit/seals.controller.js";
import { healthRoutes } from "../health/health.controller.js";
import { meRoute } from "../me/me.controller.js";
import { docsRoutes } from "../openapi/docs.routes.js";
import { problemRoute } from "../problems/problems.routes.js";
import type { CommandRoute, ReadRoute, RouteDefinition } from "../http/route-definition.js";
import { liveEventsRoute } from "../live/live-events.controller.js";
import { auditRoutes } from "./audit.routes.js";
import { budgetRoutes } from "./budgets.routes.js";
import { checkInRoutes } from "./check-in.routes.js";
import { CREATED_LOCATIONS } from "./created-locations.js";
import { decisionRoutes } from "./decisions.routes.js";
import { goalRoutes } from "./goal.routes.js";
import { indicatorReadingRoutes } from "./indicator-readings.routes.js";
import { initiativeRoutes } from "./initiative.routes.js";
import { mandateRoutes } from "./mandate.routes.js";
import { meetingListRoutes } from "./meeting-list.routes.js";
import { meetingFollowUpRoutes } from "./meeting-follow-up.routes.js";
import { meetingRoutes } from "./meetings.routes.js";
import { organisationRoutes } from "./organisation.routes.js";
import { peopleRoutes } from "./people.routes.js";
import { signalRoutes } from "./signals.routes.js";
import { tensionRoutes } from "./tensions.routes.js";

/** The API's commands and reads, in documentation order: one generated controller serves them. */
export const TABLE_ROUTES: ReadonlyArray<CommandRoute | ReadRoute> = [
  organisationRoutes,
  peopleRoutes,
  initiativeRoutes,
  goalRoutes,
  indicatorReadingRoutes,
  mandateRoutes,
  checkInRoutes,
  signalRoutes,
  tensionRoutes,
  meetingRoutes,
  meetingListRoutes,
  meetingFollowUpRoutes,
  budgetRoutes,
  decisionRoutes,
  auditRoutes,
]
  .flatMap((routes): Array<CommandRoute | ReadRoute> => Object.values(routes))
  .map((route) =>
    route.kind === "command" && CREATED_LOCATIONS[route.operationId]
      ? { ...route, location: CREATED_LOCATIONS[route.operationId] }
      : route,
  );

/** Every route the server serves, in documentation order: the table, then those with controllers of their own. */
export const ALL_ROUTES: ReadonlyArray<RouteDefinition> = [
  meRoute,
  ...TABLE_ROUTES,
  ...Object.values(sealRoutes),
  archiveRoute,
  exportRoute,
  liveEventsRoute,
  ...Object.values(healthRoutes),
  ...Object.values(docsRoutes),
  problemRoute,
];
