import { changeTensionIntensity, dropTension, escalateTension, raiseTension, resolveTension } from "#application";
import { commandRoute } from "../http/command-route.js";
import { API } from "../http/route-definition.js";

const tag = "Tensions";

/** What every command on an open tension shares: its `:id` is the tensionId, and who may issue it. */
const followingATension = {
  tag,
  scope: "A lead only for a tension whose initiatives are all in their token.",
  id: "tensionId",
} as const;

export const tensionRoutes = {
  raise: commandRoute(raiseTension, {
    path: `${API}/tensions`,
    operationId: "raiseTension",
    summary: "Raise a tension concerning some initiatives, or none for one within the Core Team",
    tag,
    scope: "A lead only for the initiatives in their token, and never for a tension naming none.",
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
    summary: "Drop the tension unresolved; it takes nothing after (not in API.md v1)",
  }),
};
