import { agreeCheckInCadence, holdCheckIn } from "#application";
import {
  AgreeCheckInCadenceInput,
  CheckInInFuture,
  HoldCheckInInput,
  LeadershipNeeded,
  NextCheckInNotAfter,
  PersonNotRegistered,
  isoDate,
} from "#domain";
import { z } from "zod";
import { API, type RouteDefinition } from "../http/route-definition.js";
import { asOfQuery } from "../http/time-parameters.js";
import { READ_PROBLEMS, commandRoute, idParam } from "./common.js";
import { LEADS_OF_THEIR_INITIATIVES, initiativeRules } from "./initiative-paths.js";

const tag = "Check-ins";

const CheckIn = z.object({
  checkInId: z.uuid(),
  heldOn: isoDate,
  participants: z.array(z.uuid()).describe("Person ids"),
  mandateClarity: z.number().int(),
  confidence: z.number().int(),
  leadershipNeeded: LeadershipNeeded,
  notes: z.string(),
  nextCheckInOn: isoDate.nullable(),
  recordedAt: z.iso.datetime(),
});

export const checkInRoutes = {
  hold: commandRoute(holdCheckIn, {
    path: `${API}/initiatives/:id/check-ins`,
    operationId: "holdCheckIn",
    summary: "Record a check-in held with the initiative; the id answered is the checkInId",
    tag,
    scope: LEADS_OF_THEIR_INITIATIVES,
    params: idParam,
    pathId: "initiativeId",
    body: HoldCheckInInput,
    rules: initiativeRules(CheckInInFuture, PersonNotRegistered, NextCheckInNotAfter),
  }),
  agreeCadence: commandRoute(agreeCheckInCadence, {
    path: `${API}/initiatives/:id/check-in-cadence`,
    operationId: "agreeCheckInCadence",
    summary: "Agree how many days may pass between check-ins",
    tag,
    params: idParam,
    pathId: "initiativeId",
    body: AgreeCheckInCadenceInput,
    rules: initiativeRules(),
  }),
  list: {
    method: "GET",
    path: `${API}/initiatives/:id/check-ins`,
    operationId: "listCheckIns",
    summary: "The initiative's check-ins as known at asOf, in the order they were held (not in API.md v1)",
    tag,
    audience: "authenticated",
    params: idParam,
    query: asOfQuery,
    response: z.array(CheckIn),
    status: 200,
    problems: [...READ_PROBLEMS, "not-found"],
  },
} satisfies Record<string, RouteDefinition>;
