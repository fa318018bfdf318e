import { periodInOrder } from "../http/period-in-order.js";
import { DecisionKind, isoDate } from "#domain";
import { decisionLogPage, decisionLogProjection } from "#projections";
import { z } from "zod";
import { readFrom } from "../cqrs/read-query.js";
import { pageQuery, pageRequest, paged } from "../http/pagination.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { asOfParameter, minPositionParameter } from "../http/time-parameters.js";

const decisionLogQuery = periodInOrder(
  z.strictObject({
    from: isoDate.optional().describe("First meeting date included (YYYY-MM-DD); default: the first meeting"),
    to: isoDate.optional().describe("Last meeting date included (YYYY-MM-DD); default: the latest meeting"),
    asOf: asOfParameter.optional(),
    minPosition: minPositionParameter.optional(),
    ...pageQuery.shape,
  }),
);

const DecisionLogEntry = z.object({
  meetingId: z.uuid(),
  decisionId: z.uuid(),
  heldOn: isoDate,
  paragraph: z.number().int().nullable().describe("The § of the minutes it was taken under; null before § existed"),
  subject: z.string(),
  decision: z.string(),
  kind: DecisionKind,
  registrationNumber: z.string().nullable().describe("Its registration number (diarienummer), once given by asOf"),
  effects: z
    .array(z.object({ streamId: z.string(), type: z.string(), position: z.number().int() }))
    .describe("The events that cite the decision, recorded by asOf, in log order"),
});

export const decisionRoutes = {
  log: readRoute({
    path: `${API}/decisions`,
    operationId: "decisionLog",
    summary:
      "The decisions of the meetings held between from and to, as known at asOf, by meeting date, each with the events that cite it",
    tag: "Decisions",
    query: decisionLogQuery,
    response: z.array(DecisionLogEntry),
    read: ({ query }) =>
      readFrom([decisionLogProjection], ({ readModels }) =>
        paged(pageRequest(query), (page) =>
          decisionLogPage(readModels, { from: query.from, to: query.to, asOf: query.asOf, page }),
        ),
      ),
  }),
};
