import { periodInOrder } from "../http/period-in-order.js";
import { MeetingBody, isoDate } from "#domain";
import { decisionLogProjection, listMeetings } from "#projections";
import { z } from "zod";
import { readFrom } from "../cqrs/read-query.js";
import { pageQuery, pageRequest, paged } from "../http/pagination.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { asOfQuery } from "../http/time-parameters.js";

const meetingsQuery = periodInOrder(
  z.strictObject({
    status: z
      .enum(["held", "planned"])
      .optional()
      .describe("held (the default): the meetings recorded held; planned: those planned and not yet held"),
    from: isoDate.optional().describe("Held (or planned for) on or after this day (YYYY-MM-DD)"),
    to: isoDate.optional().describe("Held (or planned for) on or before this day (YYYY-MM-DD)"),
    body: MeetingBody.optional(),
    focusArea: z.string().optional(),
    ...asOfQuery.shape,
    ...pageQuery.shape,
  }),
);

const MeetingListItem = z.object({
  id: z.uuid(),
  body: MeetingBody,
  focusArea: z.string(),
  plannedOn: isoDate.nullable().describe("The day it was planned for; null if recorded held without a plan"),
  heldOn: isoDate.nullable().describe("Null only in the list of planned meetings"),
  recordedAt: z.iso.datetime().describe("When it was recorded held; in the list of planned meetings, recorded planned"),
});

/** The list of meetings, apart from the minutes' routes (meetings.routes.ts): it reads only which meetings were held. */
export const meetingListRoutes = {
  list: readRoute({
    path: `${API}/meetings`,
    operationId: "listMeetings",
    summary:
      "The meetings held, as recorded by asOf, by the day held, or (status=planned) those planned and not yet held; the minutes are GET /meetings/{id}",
    tag: "Meetings",
    query: meetingsQuery,
    response: z.array(MeetingListItem),
    read: ({ query }) =>
      readFrom([decisionLogProjection], ({ readModels }) =>
        paged(pageRequest(query), (page) =>
          listMeetings(readModels, {
            asOf: query.asOf,
            status: query.status,
            from: query.from,
            to: query.to,
            body: query.body,
            focusArea: query.focusArea,
            page,
          }),
        ),
      ),
  }),
};
