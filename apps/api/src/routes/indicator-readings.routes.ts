import { recordIndicatorReading } from "#application";
import { anId, isoDate } from "#domain";
import { indicatorReadingsPage, indicatorReadingsProjection } from "#projections";
import { z } from "zod";
import { commandRoute } from "../http/command-route.js";
import { pageQuery, pageRequest, paged } from "../http/pagination.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { READ_PROBLEMS } from "../http/standard-problems.js";
import { timeTravelQuery } from "../http/time-parameters.js";
import { LEADS_OF_THEIR_INITIATIVES, ifInitiativeKnown } from "./initiative-paths.js";

const tag = "Goals";
const READINGS = `${API}/initiatives/:id/goals/:goalId/readings`;

const IndicatorReading = z.object({
  readingId: z.uuid(),
  goalId: z.uuid(),
  value: z.number(),
  unit: z.string(),
  on: isoDate,
  note: z.string().nullable(),
  recordedAt: z.iso.datetime(),
});

export const indicatorReadingRoutes = {
  record: commandRoute(recordIndicatorReading, {
    path: READINGS,
    operationId: "recordIndicatorReading",
    summary: "Record a reading (value, unit, day) of the goal's indicator; the id answered is the readingId",
    tag,
    scope: LEADS_OF_THEIR_INITIATIVES,
    id: "initiativeId",
  }),
  list: readRoute({
    path: READINGS,
    operationId: "listIndicatorReadings",
    summary: "The goal's indicator readings taken on or before at, as known at asOf, by the day read",
    tag,
    params: z.strictObject({ id: anId(), goalId: anId() }),
    query: z.strictObject({ ...timeTravelQuery.shape, ...pageQuery.shape }),
    response: z.array(IndicatorReading),
    problems: [...READ_PROBLEMS, "not-found"],
    read: ({ params, query }) =>
      ifInitiativeKnown([indicatorReadingsProjection], params.id, query.asOf, (db) =>
        paged(pageRequest(query), (page) =>
          indicatorReadingsPage(db, params.id, { goalId: params.goalId, asOf: query.asOf, at: query.at, page }),
        ),
      ),
  }),
};
