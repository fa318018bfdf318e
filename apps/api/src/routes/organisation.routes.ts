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
import type { RouteDefinition } from "../http/route-definition.js";
import { asOfQuery, freshQuery } from "../http/time-parameters.js";
import { API, COMMAND_PROBLEMS, READ_PROBLEMS, WriteAnswer, idParam, rules } from "./common.js";

const tag = "Organisations";

export const organisationRoutes = {
  register: {
    method: "POST",
    path: `${API}/organisations`,
    operationId: "registerOrganisation",
    summary: "Register an organisation",
    tag,
    audience: ["admin", "core-team"],
    body: RegisterOrganisationInput,
    response: WriteAnswer,
    status: 201,
    problems: COMMAND_PROBLEMS,
    command: { spec: registerOrganisation, input: ({ body }) => body },
  },
  mapGoverningContext: {
    method: "POST",
    path: `${API}/organisations/:id/governing-contexts`,
    operationId: "mapGoverningContext",
    summary: "Map an internal governing context of the organisation; the id answered is the contextId",
    tag,
    audience: ["admin", "core-team"],
    params: idParam,
    body: MapGoverningContextInput,
    response: WriteAnswer,
    status: 201,
    problems: [...COMMAND_PROBLEMS, ...rules(OrganisationNotRegistered)],
    command: { spec: mapGoverningContext, input: ({ params, body }) => ({ organisationId: params.id, ...body }) },
  },
  retireGoverningContext: {
    method: "POST",
    path: `${API}/organisations/:id/governing-contexts/:contextId/retirement`,
    operationId: "retireGoverningContext",
    summary: "Retire a governing context (not in API.md v1)",
    tag,
    audience: ["admin", "core-team"],
    params: z.strictObject({ id: z.uuid(), contextId: z.uuid() }),
    body: RetireGoverningContextInput,
    response: WriteAnswer,
    status: 200,
    problems: [...COMMAND_PROBLEMS, ...rules(GoverningContextNotMapped, GoverningContextRetiredError)],
    command: {
      spec: retireGoverningContext,
      input: ({ params, body }) => ({ organisationId: params.id, contextId: params.contextId, ...body }),
    },
  },
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
    problems: READ_PROBLEMS,
  },
} satisfies Record<string, RouteDefinition>;
