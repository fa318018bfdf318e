import { mapGoverningContext, registerOrganisation, retireGoverningContext } from "#application";
import {
  GoverningContextNotMapped,
  GoverningContextRetiredError,
  MapGoverningContextInput,
  OrganisationNotRegistered,
  RegisterOrganisationInput,
  RetireGoverningContextInput,
} from "#domain";
import { z } from "zod";
import { API, type RouteDefinition } from "../http/route-definition.js";
import { asOfQuery, freshQuery } from "../http/time-parameters.js";
import { READ_PROBLEMS, commandRoute, idParam } from "./common.js";

const tag = "Organisations";

export const organisationRoutes = {
  register: commandRoute(registerOrganisation, {
    path: `${API}/organisations`,
    operationId: "registerOrganisation",
    summary: "Register an organisation",
    tag,
    body: RegisterOrganisationInput,
  }),
  mapGoverningContext: commandRoute(mapGoverningContext, {
    path: `${API}/organisations/:id/governing-contexts`,
    operationId: "mapGoverningContext",
    summary: "Map an internal governing context of the organisation; the id answered is the contextId",
    tag,
    params: idParam,
    pathId: "organisationId",
    body: MapGoverningContextInput,
    // Not IdTaken: the API mints the contextId afresh for every attempt, so it is never one the organisation has.
    rules: [OrganisationNotRegistered],
  }),
  retireGoverningContext: commandRoute(retireGoverningContext, {
    path: `${API}/organisations/:id/governing-contexts/:contextId/retirement`,
    operationId: "retireGoverningContext",
    summary: "Retire a governing context (not in API.md v1)",
    tag,
    params: z.strictObject({ id: z.uuid(), contextId: z.uuid() }),
    pathId: "organisationId",
    body: RetireGoverningContextInput,
    rules: [GoverningContextNotMapped, GoverningContextRetiredError],
  }),
  list: {
    method: "GET",
    path: `${API}/organisations`,
    operationId: "listOrganisations",
    summary: "The registered organisations (not in API.md v1)",
    tag,
    audience: "authenticated",
    query: freshQuery,
    status: 200,
    problems: READ_PROBLEMS,
  },
  governingContexts: {
    method: "GET",
    path: `${API}/organisations/:id/governing-contexts`,
    operationId: "listGoverningContexts",
    summary: "The organisation's governing contexts with their linked initiatives (not in API.md v1)",
    tag,
    audience: "authenticated",
    params: idParam,
    query: asOfQuery,
    status: 200,
    problems: [...READ_PROBLEMS, "not-found"],
  },
} satisfies Record<string, RouteDefinition>;
