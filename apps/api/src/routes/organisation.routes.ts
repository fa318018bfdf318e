import { mapGoverningContext, registerOrganisation, retireGoverningContext } from "#application";
import { ContextRelation, GoverningContextKind, OrganisationKind } from "#domain";
import { governingContextPage, governingContextsProjection, inOneSnapshot, organisation, organisationPage } from "#projections";
import { z } from "zod";
import { readFrom } from "../cqrs/read-query.js";
import { commandRoute } from "../http/command-route.js";
import { asOfListQuery, freshListQuery, pageRequest, paged } from "../http/pagination.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { READ_PROBLEMS } from "../http/standard-problems.js";
import { idParam } from "./common.js";

const tag = "Organisations";

const OrganisationListItem = z.object({ id: z.uuid(), name: z.string(), kind: OrganisationKind });

const GoverningContextEntry = z.object({
  contextId: z.uuid(),
  name: z.string(),
  kind: GoverningContextKind,
  description: z.string(),
  status: z.enum(["mapped", "retired"]).describe("retired once the retirement is recorded by asOf"),
  linkedInitiatives: z
    .array(z.object({ initiativeId: z.uuid(), relation: ContextRelation, linkedAt: z.iso.datetime() }))
    .describe("The initiatives linked by asOf and not unlinked by then"),
});

export const organisationRoutes = {
  register: commandRoute(registerOrganisation, {
    path: `${API}/organisations`,
    operationId: "registerOrganisation",
    summary: "Register an organisation",
    tag,
  }),
  mapGoverningContext: commandRoute(mapGoverningContext, {
    path: `${API}/organisations/:id/governing-contexts`,
    operationId: "mapGoverningContext",
    summary: "Map an internal governing context of the organisation; the id answered is the contextId",
    tag,
    id: "organisationId",
  }),
  retireGoverningContext: commandRoute(retireGoverningContext, {
    path: `${API}/organisations/:id/governing-contexts/:contextId/retirement`,
    operationId: "retireGoverningContext",
    summary: "Retire a governing context",
    tag,
    id: "organisationId",
  }),
  list: readRoute({
    path: `${API}/organisations`,
    operationId: "listOrganisations",
    summary: "The registered organisations",
    tag,
    query: freshListQuery,
    response: z.array(OrganisationListItem),
    read: ({ query }) =>
      readFrom([governingContextsProjection], ({ readModels }) =>
        paged(pageRequest(query), (page) => organisationPage(readModels, { page })),
      ),
  }),
  governingContexts: readRoute({
    path: `${API}/organisations/:id/governing-contexts`,
    operationId: "listGoverningContexts",
    summary: "The organisation's governing contexts with their linked initiatives",
    tag,
    params: idParam,
    query: asOfListQuery,
    response: z.array(GoverningContextEntry),
    problems: [...READ_PROBLEMS, "not-found"],
    read: ({ params, query }) =>
      readFrom([governingContextsProjection], ({ readModels }) =>
        inOneSnapshot(readModels, () =>
          organisation(readModels, params.id, { asOf: query.asOf })
            ? paged(pageRequest(query), (page) => governingContextPage(readModels, params.id, { asOf: query.asOf, page }))
            : undefined,
        ),
      ),
  }),
};
