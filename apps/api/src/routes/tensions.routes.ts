import { changeTensionIntensity, dropTension, escalateTension, raiseTension, resolveTension } from "#application";
import { EscalationLevel, type Role, TensionCategory, TensionSource, anId, hasAnyRole, isoDate } from "#domain";
import { listTensions, tensionTimelineProjection } from "#projections";
import { z } from "zod";
import { readFrom } from "../cqrs/read-query.js";
import { commandRoute } from "../http/command-route.js";
import { pageQuery, pageRequest, paged } from "../http/pagination.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { asOfQuery } from "../http/time-parameters.js";

const tag = "Tensions";

/**
 * Who reads the tensions that name no initiative, those within the Core Team itself: the
 * Core Team, and the roles that read everything (docs/domain.md "Roles"). A lead does not.
 */
export const CORE_TEAM_TENSION_READERS: ReadonlyArray<Role> = ["core-team", "admin", "auditor"];

const TensionStatus = z.enum(["open", "resolved", "dropped"]);

const tensionsQuery = z.strictObject({
  initiativeId: anId().optional().describe("Only the tensions naming this initiative"),
  status: TensionStatus.optional().describe("Only the tensions in this status as known at asOf"),
  ...asOfQuery.shape,
  ...pageQuery.shape,
});

const TensionListItem = z.object({
  tensionId: z.uuid(),
  initiativeIds: z.array(z.uuid()).describe("Empty for a tension within the Core Team itself"),
  category: TensionCategory,
  description: z.string(),
  raisedOn: isoDate,
  raisedAt: z.iso.datetime(),
  source: TensionSource.nullable(),
  intensity: z.number().int().describe("The latest intensity by its day (then as recorded), among those recorded by asOf"),
  status: TensionStatus,
  closedOn: isoDate.nullable(),
  resolution: z.string().nullable(),
  escalation: z
    .object({
      to: EscalationLevel,
      on: isoDate,
      governingContext: z.object({ organisationId: z.uuid(), contextId: z.uuid() }).nullable(),
    })
    .nullable()
    .describe("The latest escalation recorded by asOf, with the governing context it goes to when it names one"),
});

/** What every command on an open tension shares: its `:id` is the tensionId, and who may issue it. */
const followingATension = {
  tag,
  scope: "A lead only for a tension whose initiatives they all lead.",
  id: "tensionId",
} as const;

export const tensionRoutes = {
  raise: commandRoute(raiseTension, {
    path: `${API}/tensions`,
    operationId: "raiseTension",
    summary: "Raise a tension concerning some initiatives, or none for one within the Core Team",
    tag,
    scope: "A lead only for initiatives they lead, and never for a tension naming none.",
  }),
  list: readRoute({
    path: `${API}/tensions`,
    operationId: "listTensions",
    summary: "The tensions as known at asOf, oldest first, with their status, intensity and escalation then",
    tag,
    scope: `Tensions naming no initiative only for ${CORE_TEAM_TENSION_READERS.join(", ")}.`,
    query: tensionsQuery,
    response: z.array(TensionListItem),
    read: ({ query }, principal) =>
      readFrom([tensionTimelineProjection], ({ readModels }) =>
        paged(pageRequest(query), (page) =>
          listTensions(readModels, {
            asOf: query.asOf,
            initiativeId: query.initiativeId,
            status: query.status,
            withinCoreTeam: hasAnyRole(principal, CORE_TEAM_TENSION_READERS),
            page,
          }),
        ),
      ),
  }),
  changeIntensity: commandRoute(changeTensionIntensity, {
    ...followingATension,
    path: `${API}/tensions/:id/intensity`,
    operationId: "changeTensionIntensity",
    summary: "Record that the tension's intensity changed; the same intensity again changes nothing",
  }),
  escalate: commandRoute(escalateTension, {
    ...followingATension,
    path: `${API}/tensions/:id/escalation`,
    operationId: "escalateTension",
    summary: "Escalate the tension to the Core Team, the board or the organisations",
  }),
  resolve: commandRoute(resolveTension, {
    ...followingATension,
    path: `${API}/tensions/:id/resolution`,
    operationId: "resolveTension",
    summary: "Resolve the tension; it takes nothing after",
  }),
  drop: commandRoute(dropTension, {
    ...followingATension,
    path: `${API}/tensions/:id/drop`,
    operationId: "dropTension",
    summary: "Drop the tension unresolved; it takes nothing after",
  }),
};
