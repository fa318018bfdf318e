import { healthRoute } from "../health/health.controller.js";
import { docsRoutes } from "../openapi/docs.routes.js";
import type { RouteDefinition } from "../http/route-definition.js";
import { liveEventsRoute } from "../live/live-events.controller.js";
import { AuditController } from "./audit.controller.js";
import { auditRoutes } from "./audit.routes.js";
import { BudgetsController } from "./budgets.controller.js";
import { budgetRoutes } from "./budgets.routes.js";
import { CheckInController } from "./check-in.controller.js";
import { checkInRoutes } from "./check-in.routes.js";
import { DecisionsController } from "./decisions.controller.js";
import { decisionRoutes } from "./decisions.routes.js";
import { GoalController } from "./goal.controller.js";
import { goalRoutes } from "./goal.routes.js";
import { InitiativeController } from "./initiative.controller.js";
import { initiativeRoutes } from "./initiative.routes.js";
import { MandateController } from "./mandate.controller.js";
import { mandateRoutes } from "./mandate.routes.js";
import { MeetingsController } from "./meetings.controller.js";
import { meetingRoutes } from "./meetings.routes.js";
import { OrganisationController } from "./organisation.controller.js";
import { organisationRoutes } from "./organisation.routes.js";
import { PeopleController } from "./people.controller.js";
import { peopleRoutes } from "./people.routes.js";
import { SignalsController } from "./signals.controller.js";
import { signalRoutes } from "./signals.routes.js";
import { TensionsController } from "./tensions.controller.js";
import { tensionRoutes } from "./tensions.routes.js";

/** Every route the API serves, in documentation order. */
export const ALL_ROUTES: ReadonlyArray<RouteDefinition> = [
  organisationRoutes,
  peopleRoutes,
  initiativeRoutes,
  goalRoutes,
  mandateRoutes,
  checkInRoutes,
  signalRoutes,
  tensionRoutes,
  meetingRoutes,
  budgetRoutes,
  decisionRoutes,
  auditRoutes,
].flatMap((routes) => Object.values(routes) as RouteDefinition[]).concat(liveEventsRoute, healthRoute, ...Object.values(docsRoutes));

export const CONTROLLERS = [
  OrganisationController,
  PeopleController,
  InitiativeController,
  GoalController,
  MandateController,
  CheckInController,
  SignalsController,
  TensionsController,
  MeetingsController,
  BudgetsController,
  DecisionsController,
  AuditController,
];
