import { mapGoverningContext, registerOrganisation, retireGoverningContext } from "#application";
import { governingContextPage, governingContextsProjection, inOneSnapshot, organisation, organisationPage } from "#projections";
import { readFrom } from "../cqrs/read-query.js";
import { commandRoute } from "../http/command-route.js";
import { asOfListQuery, freshListQuery, pageRequest, paged } from "../http/pagination.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { READ_PROBLEMS } from "../http/standard-problems.js";
import { idParam } from "./common.js";

const tag = "Organisations";

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
    summary: "Retire a governing context (not in API.md v1)",
    tag,
    id: "organisationId",
  }),
  list: readRoute({
    path: `${API}/organisations`,
    operationId: "listOrganisations",
    summary: "The registered organisations (not in API.md v1)",
    tag,
    query: freshListQuery,
    read: ({ query }) =>
      readFrom([governingContextsProjection], ({ readModels }) =>
        paged(pageRequest(query), (page) => organisationPage(readModels, { page })),
      ),
  }),
  governingContexts: readRoute({
    path: `${API}/organisations/:id/governing-contexts`,
    operationId: "listGoverningContexts",
    summary: "The organisation's governing contexts with their linked initiatives (not in API.md v1)",
    tag,
    params: idParam,
    query: asOfListQuery,
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
