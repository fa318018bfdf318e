import {
  assignLead,
  closeInitiative,
  linkGoverningContext,
  registerInitiative,
  unassignLead,
  unlinkGoverningContext,
} from "#application";
import {
  ContextRelation,
  EscalationLevel,
  LeadRole,
  LeadershipNeeded,
  MandatePosition,
  SignalKind,
  Steering,
  TensionCategory,
  initiativeStream,
  isoDate,
} from "#domain";
import {
  describePeopleReadModels,
  governingContextsProjection,
  initiativeContextPage,
  initiativeOverview,
  initiativeOverviewProjection,
  initiativeOverviewReadModels,
  initiativePage,
  tensionTimeline,
  tensionTimelineProjection,
} from "#projections";
import { z } from "zod";
import { clauseViews } from "./clause-view.js";
import { readFrom } from "../cqrs/read-query.js";
import { commandRoute } from "../http/command-route.js";
import { asOfListQuery, pageRequest, paged } from "../http/pagination.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { READ_PROBLEMS } from "../http/standard-problems.js";
import { asOfParameter, minPositionParameter, timeTravelQuery, today } from "../http/time-parameters.js";
import { describePeople } from "../runtime/describe-people.js";
import { idParam } from "./common.js";
import { ifInitiativeKnown } from "./initiative-paths.js";

const tag = "Initiatives";

const InitiativeStatus = z.enum(["open", "closed"]);

const InitiativeListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  status: InitiativeStatus.describe("closed once the closure is recorded, as of asOf"),
  focusArea: z.string(),
  organisationIds: z.array(z.uuid()),
  registeredAt: z.iso.datetime(),
});

const MandateInForce = z.object({
  mandateId: z.uuid(),
  scope: z.array(z.string()),
  boundaries: z.array(z.string()),
  principles: z.array(z.string()),
  clauses: clauseViews("those observed by at, as known at asOf"),
  steering: Steering,
  validFrom: isoDate,
  validUntil: isoDate.nullable(),
  budgetSek: z.number().int().nullable(),
});

const InitiativeOverview = z.object({
  id: z.uuid(),
  name: z.string(),
  status: InitiativeStatus.describe("closed when the closure is known at asOf and took effect by at"),
  focusArea: z.string(),
  description: z.string(),
  organisationIds: z.array(z.uuid()),
  closedOn: isoDate.optional(),
  asOf: z.iso.datetime().nullable(),
  at: isoDate,
  leads: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string().describe("Opened with the person's key at reading; a placeholder once the person is erased"),
      role: LeadRole,
      assignedAt: z.iso.datetime(),
    }),
  ),
  goals: z
    .array(
      z.object({ goalId: z.uuid(), statement: z.string(), indicator: z.string().optional(), targetDate: isoDate.optional() }),
    )
    .describe("The goals active on at"),
  mandate: MandateInForce.nullable().describe("The mandate in force on at, with its amendments effective by then"),
  openTensions: z.array(
    z.object({
      tensionId: z.uuid(),
      category: TensionCategory,
      intensity: z.number().int(),
      raisedOn: isoDate,
      escalatedTo: EscalationLevel.nullable(),
    }),
  ),
  unansweredSignals: z.array(
    z.object({ id: z.uuid(), kind: SignalKind, summary: z.string(), mandatePosition: MandatePosition, observedOn: isoDate }),
  ),
  cadenceDays: z.number().int().nullable(),
  lastCheckIn: z
    .object({
      checkInId: z.uuid(),
      heldOn: isoDate,
      mandateClarity: z.number().int(),
      confidence: z.number().int(),
      leadershipNeeded: LeadershipNeeded,
    })
    .nullable(),
  nextCheckInDue: isoDate.nullable(),
  checkInOverdue: z.boolean(),
});

const InitiativeContext = z.object({
  organisationId: z.uuid(),
  contextId: z.uuid(),
  name: z.string(),
  relation: ContextRelation,
});

const TensionPeriod = z.object({
  periodStart: isoDate.describe("Monday of the ISO week, or the 1st of the month"),
  raised: z.number().int(),
  resolved: z.number().int(),
  open: z.number().int().describe("Open at the end of the period"),
  meanIntensity: z.number().nullable().describe("Of the tensions open at the end of the period; null when none is"),
});

const MAX_TIMELINE_YEARS = 10;

const yearsAfter = (day: string, years: number): string => {
  const shifted = new Date(`${day}T00:00:00Z`);
  shifted.setUTCFullYear(shifted.getUTCFullYear() + years);
  return shifted.toISOString().slice(0, 10);
};

/** The timeline's days with their defaults: up to today, over the year before `to`. */
const timelineRange = (query: { readonly from?: string; readonly to?: string }) => {
  const to = query.to ?? today();
  return { from: query.from ?? yearsAfter(to, -1), to };
};

const checkTimelineRange = (query: { from?: string; to?: string }, context: z.RefinementCtx) => {
  const { from, to } = timelineRange(query);
  if (to < from) {
    // Name the field the client sent: without `to`, it is today and `from` is the one at fault.
    context.addIssue(
      query.to === undefined
        ? { code: "custom", path: ["from"], message: "from must not be after today (the default of to)" }
        : { code: "custom", path: ["to"], message: "to must not be before from" },
    );
  } else if (to > yearsAfter(from, MAX_TIMELINE_YEARS)) {
    context.addIssue({ code: "custom", path: ["from"], message: `from and to may span at most ${MAX_TIMELINE_YEARS} years` });
  }
};

const timelineQuery = z
  .strictObject({
    from: isoDate.optional().describe("First day (YYYY-MM-DD); default: one year before to"),
    to: isoDate.optional().describe("Last day (YYYY-MM-DD); default: today"),
    bucket: z.enum(["week", "month"]).describe("week: ISO weeks from Monday; month: calendar months"),
    asOf: asOfParameter.optional(),
    minPosition: minPositionParameter.optional(),
  })
  // Only once the dates parse: a malformed one is reported as such, not compared.
  .superRefine(checkTimelineRange, { when: (payload) => payload.issues.length === 0 });

/** What every command on a registered initiative shares: its `:id` is the initiativeId. */
const onTheInitiative = { tag, id: "initiativeId" } as const;

export const initiativeRoutes = {
  register: commandRoute(registerInitiative, {
    path: `${API}/initiatives`,
    operationId: "registerInitiative",
    summary: "Register an initiative",
    tag,
  }),
  list: readRoute({
    path: `${API}/initiatives`,
    operationId: "listInitiatives",
    summary: "The registered initiatives, by name",
    tag,
    query: asOfListQuery,
    response: z.array(InitiativeListItem),
    read: ({ query }) =>
      readFrom([initiativeOverviewProjection], ({ readModels }) =>
        paged(pageRequest(query), (page) => initiativePage(readModels, { asOf: query.asOf, page })),
      ),
  }),
  overview: readRoute({
    path: `${API}/initiatives/:id`,
    operationId: "initiativeOverview",
    summary: "The initiative's overview on date at, as known at asOf",
    tag,
    params: idParam,
    query: timeTravelQuery,
    response: InitiativeOverview,
    stream: (params) => initiativeStream(params.id),
    // The same for every reader, and read from the read models it names and the leads' keys.
    cacheable: true,
    // The leads' names are opened with their keys: the key store can be unavailable.
    problems: [...READ_PROBLEMS, "not-found", "store-unavailable"],
    read: ({ params, query }) =>
      readFrom([...initiativeOverviewReadModels, ...describePeopleReadModels], async (runtime) => {
        const overview = initiativeOverview(runtime.readModels, params.id, { asOf: query.asOf, at: query.at ?? today() });
        if (!overview) return undefined;
        const people = await describePeople(
          runtime,
          overview.leads.map((lead) => lead.personId),
        );
        return {
          ...overview,
          leads: overview.leads.map((lead) => ({ ...lead, name: people.get(lead.personId)!.name })),
        };
      }),
  }),
  assignLead: commandRoute(assignLead, {
    ...onTheInitiative,
    path: `${API}/initiatives/:id/leads`,
    operationId: "assignLead",
    summary: "Assign a person to lead the initiative (or change their role); the id answered is the personId",
  }),
  unassignLead: commandRoute(unassignLead, {
    ...onTheInitiative,
    path: `${API}/initiatives/:id/leads/:personId/unassignment`,
    operationId: "unassignLead",
    summary: "Unassign a lead from the initiative",
  }),
  linkGoverningContext: commandRoute(linkGoverningContext, {
    ...onTheInitiative,
    path: `${API}/initiatives/:id/governing-contexts`,
    operationId: "linkGoverningContext",
    summary: "Link a governing context of a registered organisation to the initiative; the id answered is the contextId",
  }),
  unlinkGoverningContext: commandRoute(unlinkGoverningContext, {
    ...onTheInitiative,
    path: `${API}/initiatives/:id/governing-contexts/:contextId/unlinking`,
    operationId: "unlinkGoverningContext",
    summary: "Unlink a governing context from the initiative",
  }),
  governingContexts: readRoute({
    path: `${API}/initiatives/:id/governing-contexts`,
    operationId: "initiativeGoverningContexts",
    summary: "The governing contexts linked to the initiative, as known at asOf",
    tag,
    params: idParam,
    query: asOfListQuery,
    response: z.array(InitiativeContext),
    problems: [...READ_PROBLEMS, "not-found"],
    read: ({ params, query }) =>
      ifInitiativeKnown([governingContextsProjection], params.id, query.asOf, (db) =>
        paged(pageRequest(query), (page) => initiativeContextPage(db, params.id, { asOf: query.asOf, page })),
      ),
  }),
  close: commandRoute(closeInitiative, {
    ...onTheInitiative,
    path: `${API}/initiatives/:id/closure`,
    operationId: "closeInitiative",
    summary: "Close the initiative; it takes no further command",
  }),
  tensionTimeline: readRoute({
    path: `${API}/initiatives/:id/tensions/timeline`,
    operationId: "initiativeTensionTimeline",
    summary: "The initiative's tensions per week or month: raised, resolved, open at the end and their mean intensity",
    tag,
    params: idParam,
    query: timelineQuery,
    response: z.array(TensionPeriod),
    problems: [...READ_PROBLEMS, "not-found"],
    read: ({ params, query }) =>
      ifInitiativeKnown([tensionTimelineProjection], params.id, query.asOf, (db) =>
        tensionTimeline(db, params.id, { ...timelineRange(query), bucket: query.bucket, asOf: query.asOf }),
      ),
  }),
};
