import { amendMandate, grantMandate, renewMandate, revokeMandate } from "#application";
import { DecisionRef, MandateChanges, MandateTrigger, Steering, isoDate } from "#domain";
import { mandateHistory, mandateHistoryProjection, pageOfList, signalInboxProjection } from "#projections";
import { z } from "zod";
import { commandRoute } from "../http/command-route.js";
import { asOfListQuery, pageRequest, paged } from "../http/pagination.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { READ_PROBLEMS } from "../http/standard-problems.js";
import { clauseViews } from "./clause-view.js";
import { idParam } from "./common.js";
import { ifInitiativeKnown } from "./initiative-paths.js";

const tag = "Mandates";

const termsInForce = (term: string) =>
  `${term} in force from effectiveFrom, as known when this version was recorded (for a revocation: the terms it ends)`;

/** One row of mandateHistoryRows (libs/domain), the reading docs/domain.md "Mandates in valid time" defines. */
const MandateVersion = z.object({
  mandateId: z.uuid(),
  version: z.number().int().describe("1 for the grant, then 2, 3, ... in recording order"),
  change: z.enum(["granted", "amended", "renewed", "revoked"]),
  scope: z.array(z.string()).describe(termsInForce("The scope")),
  boundaries: z.array(z.string()).describe(termsInForce("The boundaries")),
  principles: z.array(z.string()).describe(termsInForce("The principles")),
  clauses: clauseViews(
    "those observed on the days these terms held as known at asOf: from effectiveFrom through termsUntil, and before supersededFrom",
  ),
  steering: Steering.describe(termsInForce("The steering")),
  budgetSek: z.number().int().nullable().describe(termsInForce("The budget")),
  termsUntil: isoDate
    .nullable()
    .describe(
      "The last day of those terms as known when recorded: the day before the next change of terms then known; null when none was",
    ),
  supersededFrom: isoDate
    .nullable()
    .describe(
      "The first day those terms were to hold (effectiveFrom through termsUntil, while in force by this version's validity) on which, by changes recorded later but by asOf, other terms or no mandate hold; null when they still hold on every such day",
    ),
  validFrom: isoDate.describe("The mandate's validity after this version"),
  validUntil: isoDate.nullable(),
  revokedFrom: isoDate.nullable(),
  effectiveFrom: isoDate.describe(
    "The day this version's change takes effect: the grant's validFrom, an amendment's or revocation's effectiveFrom, for a renewal the day after the validUntil it replaced",
  ),
  changes: MandateChanges.nullable().describe("An amendment's own changes, each clause of a restated list with its id"),
  reason: z.string().nullable(),
  triggeredBy: MandateTrigger.nullable(),
  recordedAt: z.iso.datetime(),
  recordedBy: z.string().describe("Who recorded it: the actor's id (the token's subject)"),
  decision: DecisionRef.nullable(),
});

/** What every mandate command shares: its `:id` is the initiativeId. */
const onTheMandates = { tag, id: "initiativeId" } as const;

export const mandateRoutes = {
  grant: commandRoute(grantMandate, {
    ...onTheMandates,
    path: `${API}/initiatives/:id/mandates`,
    operationId: "grantMandate",
    summary: "Grant the initiative a mandate; the id answered is the mandateId",
  }),
  amend: commandRoute(amendMandate, {
    ...onTheMandates,
    path: `${API}/initiatives/:id/mandates/:mandateId/amendments`,
    operationId: "amendMandate",
    summary: "Amend the mandate's terms from a day within its validity",
  }),
  renew: commandRoute(renewMandate, {
    ...onTheMandates,
    path: `${API}/initiatives/:id/mandates/:mandateId/renewal`,
    operationId: "renewMandate",
    summary: "Renew the mandate: move its validUntil later",
  }),
  revoke: commandRoute(revokeMandate, {
    ...onTheMandates,
    path: `${API}/initiatives/:id/mandates/:mandateId/revocation`,
    operationId: "revokeMandate",
    summary: "Revoke the mandate from a day within its validity",
  }),
  history: readRoute({
    path: `${API}/initiatives/:id/mandates`,
    operationId: "mandateHistory",
    summary: "Every version of the initiative's mandates recorded by asOf, oldest first",
    tag,
    params: idParam,
    query: asOfListQuery,
    response: z.array(MandateVersion),
    problems: [...READ_PROBLEMS, "not-found"],
    read: ({ params, query }) =>
      ifInitiativeKnown([mandateHistoryProjection, signalInboxProjection], params.id, query.asOf, (db) =>
        // Each row's terms are folded from the rows before it, so the history is read whole and
        // paged after; rows come in recording order and only ever add at the end, so the
        // ordinal is a stable key.
        paged(pageRequest(query), (request) => {
          const rows = mandateHistory(db, params.id, { asOf: query.asOf }).map((row, ordinal) => ({ row, ordinal }));
          const page = pageOfList(rows, [{}], request, ({ ordinal }) => [ordinal]);
          return { items: page.items.map(({ row }) => row), nextAfter: page.nextAfter };
        }),
      ),
  }),
};
