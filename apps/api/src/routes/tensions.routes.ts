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
import type { ParsedRequest, RouteDefinition } from "../http/route-definition.js";
import { API, COMMAND_PROBLEMS, WriteAnswer, idParam, rules } from "./common.js";

const tag = "Tensions";

const onTension = ({ params, body }: ParsedRequest) => ({ tensionId: params.id, ...body });

/** What every command on an open tension shares: who may issue it, and what it can break. */
const followingATension = {
  method: "POST",
  tag,
  audience: ["core-team", "initiative-lead"],
  scope: "A lead only for a tension that names one of the initiatives in their token.",
  params: idParam,
  response: WriteAnswer,
  status: 200,
  problems: [...COMMAND_PROBLEMS, ...rules(TensionClosed, TensionDatedBeforeRaised)],
} as const;

export const tensionRoutes = {
  raise: {
    method: "POST",
    path: `${API}/tensions`,
    operationId: "raiseTension",
    summary: "Raise a tension concerning some initiatives, or none for one within the Core Team",
    tag,
    audience: ["core-team", "initiative-lead"],
    scope: "A lead only for the initiatives in their token, and never for a tension naming none.",
    body: RaiseTensionInput,
    response: WriteAnswer,
    status: 201,
    problems: [...COMMAND_PROBLEMS, ...rules(InitiativeNotRegistered)],
    command: { spec: raiseTension, input: ({ body }) => body },
  },
  changeIntensity: {
    ...followingATension,
    path: `${API}/tensions/:id/intensity`,
    operationId: "changeTensionIntensity",
    summary: "Record that the tension's intensity changed; the same intensity again changes nothing",
    body: ChangeTensionIntensityInput,
    command: { spec: changeTensionIntensity, input: onTension },
  },
  escalate: {
    ...followingATension,
    path: `${API}/tensions/:id/escalation`,
    operationId: "escalateTension",
    summary: "Escalate the tension to the Core Team, the board or the organisations",
    body: EscalateTensionInput,
    command: { spec: escalateTension, input: onTension },
  },
  resolve: {
    ...followingATension,
    path: `${API}/tensions/:id/resolution`,
    operationId: "resolveTension",
    summary: "Resolve the tension; it takes nothing after",
    body: ResolveTensionInput,
    command: { spec: resolveTension, input: onTension },
  },
  drop: {
    ...followingATension,
    path: `${API}/tensions/:id/drop`,
    operationId: "dropTension",
    summary: "Drop the tension unresolved; it takes nothing after (not in API.md v1)",
    body: DropTensionInput,
    command: { spec: dropTension, input: onTension },
  },
} satisfies Record<string, RouteDefinition>;
