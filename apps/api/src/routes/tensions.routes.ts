import { changeTensionIntensity, dropTension, escalateTension, raiseTension, resolveTension } from "#application";
import {
  ChangeTensionIntensityInput,
  DropTensionInput,
  EscalateTensionInput,
  InitiativeNotRegistered,
  RaiseTensionInput,
  ResolveTensionInput,
  TensionClosed,
  TensionDatedBeforeRaised,
} from "#domain";
import { API, type RouteDefinition } from "../http/route-definition.js";
import { commandRoute, idParam } from "./common.js";

const tag = "Tensions";

/** What every command on an open tension shares: who may issue it, and what it can break. */
const followingATension = {
  tag,
  scope: "A lead only for a tension that names one of the initiatives in their token.",
  params: idParam,
  pathId: "tensionId",
  rules: [TensionClosed, TensionDatedBeforeRaised],
} as const;

export const tensionRoutes = {
  raise: commandRoute(raiseTension, {
    path: `${API}/tensions`,
    operationId: "raiseTension",
    summary: "Raise a tension concerning some initiatives, or none for one within the Core Team",
    tag,
    scope: "A lead only for the initiatives in their token, and never for a tension naming none.",
    body: RaiseTensionInput,
    rules: [InitiativeNotRegistered],
  }),
  changeIntensity: commandRoute(changeTensionIntensity, {
    ...followingATension,
    path: `${API}/tensions/:id/intensity`,
    operationId: "changeTensionIntensity",
    summary: "Record that the tension's intensity changed; the same intensity again changes nothing",
    body: ChangeTensionIntensityInput,
  }),
  escalate: commandRoute(escalateTension, {
    ...followingATension,
    path: `${API}/tensions/:id/escalation`,
    operationId: "escalateTension",
    summary: "Escalate the tension to the Core Team, the board or the organisations",
    body: EscalateTensionInput,
  }),
  resolve: commandRoute(resolveTension, {
    ...followingATension,
    path: `${API}/tensions/:id/resolution`,
    operationId: "resolveTension",
    summary: "Resolve the tension; it takes nothing after",
    body: ResolveTensionInput,
  }),
  drop: commandRoute(dropTension, {
    ...followingATension,
    path: `${API}/tensions/:id/drop`,
    operationId: "dropTension",
    summary: "Drop the tension unresolved; it takes nothing after (not in API.md v1)",
    body: DropTensionInput,
  }),
} satisfies Record<string, RouteDefinition>;
