import { agreeCheckInCadence, holdCheckIn } from "#application";
import { LeadershipNeeded, isoDate } from "#domain";
import { checkInPage, checkInsProjection } from "#projections";
import { z } from "zod";
import { commandRoute } from "../http/command-route.js";
import { asOfListQuery, pageRequest, paged } from "../http/pagination.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { READ_PROBLEMS } from "../http/standard-problems.js";
import { idParam } from "./common.js";
import { LEADS_OF_THEIR_INITIATIVES, ifInitiativeKnown } from "./initiative-paths.js";

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
    id: "initiativeId",
  }),
  agreeCadence: commandRoute(agreeCheckInCadence, {
    path: `${API}/initiatives/:id/check-in-cadence`,
    operationId: "agreeCheckInCadence",
    summary: "Agree how many days may pass between check-ins",
    tag,
    id: "initiativeId",
  }),
  list: readRoute({
    path: `${API}/initiatives/:id/check-ins`,
    operationId: "listCheckIns",
    summary: "The initiative's check-ins as known at asOf, in the order they were held",
    tag,
    params: idParam,
    query: asOfListQuery,
    response: z.array(CheckIn),
    problems: [...READ_PROBLEMS, "not-found"],
    read: ({ params, query }) =>
      ifInitiativeKnown([checkInsProjection], params.id, query.asOf, (db) =>
        paged(pageRequest(query), (page) => checkInPage(db, params.id, { asOf: query.asOf, page })),
      ),
  }),
};
