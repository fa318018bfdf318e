import type { RouteDefinition } from "../http/route-definition.js";
import { liveEventsRoute } from "../live/live-events.controller.js";
import { OrganisationController } from "./organisation.controller.js";
import { organisationRoutes } from "./organisation.routes.js";

/** Every route the API serves, in documentation order. */
export const ALL_ROUTES: ReadonlyArray<RouteDefinition> = [...Object.values(organisationRoutes), liveEventsRoute];

export const CONTROLLERS = [OrganisationController];
