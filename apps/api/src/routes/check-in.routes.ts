import { agreeCheckInCadence, holdCheckIn } from "#application";
import {
  AgreeCheckInCadenceInput,
  CheckInInFuture,
  HoldCheckInInput,
  LeadershipNeeded,
  NextCheckInNotAfter,
  PersonNotRegistered,
} from "#domain";
import { z } from "zod";
import type { RouteDefinition } from "../http/route-definition.js";
import { asOfQuery } from "../http/time-parameters.js";
import { API, READ_PROBLEMS, WriteAnswer, idParam } from "./common.js";
import { coreTeamOrItsLeads, initiativeProblems, onInitiative } from "./initiative-paths.js";

const tag = "Check-ins";
const date = z.iso.date();

const CheckIn = z.object({
  checkInId: z.uuid(),
  heldOn: date,
  participants: z.array(z.uuid()).describe("Person ids"),
  mandateClarity: z.number().int(),
  confidence: z.number().int(),
  leadershipNeeded: LeadershipNeeded,
  notes: z.string(),
  nextCheckInOn: date.nullable(),
  recordedAt: z.iso.datetime(),
});

export const checkInRoutes = {
  hold: {
    method: "POST",
    path: `${API}/initiatives/:id/check-ins`,
    operationId: "holdCheckIn",
    summary: "Record a check-in held with the initiative; the id answered is the checkInId",
    tag,
    ...coreTeamOrItsLeads,
    params: idParam,
    body: HoldCheckInInput,
    response: WriteAnswer,
    status: 201,
    problems: initiativeProblems(CheckInInFuture, PersonNotRegistered, NextCheckInNotAfter),
    command: { spec: holdCheckIn, input: onInitiative },
  },
  agreeCadence: {
    method: "POST",
    path: `${API}/initiatives/:id/check-in-cadence`,
    operationId: "agreeCheckInCadence",
    summary: "Agree how many days may pass between check-ins",
    tag,
    audience: ["core-team"],
    params: idParam,
    body: AgreeCheckInCadenceInput,
    response: WriteAnswer,
    status: 200,
    problems: initiativeProblems(),
    command: { spec: agreeCheckInCadence, input: onInitiative },
  },
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
