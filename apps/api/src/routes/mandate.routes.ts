import { amendMandate, grantMandate, renewMandate, revokeMandate } from "#application";
import { DecisionRef, MandateChanges, MandateTrigger, Steering, isoDate } from "#domain";
import { mandateHistory, mandateHistoryProjection } from "#projections";
import { z } from "zod";
import { commandRoute } from "../http/command-route.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { READ_PROBLEMS } from "../http/standard-problems.js";
import { asOfQuery } from "../http/time-parameters.js";
import { idParam } from "./common.js";
import { ifInitiativeKnown } from "./initiative-paths.js";

const tag = "Mandates";

const MandateVersion = z.object({
  mandateId: z.uuid(),
  version: z.number().int(),
  change: z.enum(["granted", "amended", "renewed", "revoked"]),
  scope: z.array(z.string()),
  boundaries: z.array(z.string()),
  principles: z.array(z.string()),
  steering: Steering,
  budgetSek: z.number().int().nullable(),
  validFrom: isoDate,
  validUntil: isoDate.nullable(),
  revokedFrom: isoDate.nullable(),
  effectiveFrom: isoDate.describe("The day this version's change takes effect"),
  changes: MandateChanges.nullable().describe("An amendment's own changes; the terms are cumulative in recording order"),
  reason: z.string().nullable(),
  triggeredBy: MandateTrigger.nullable(),
  recordedAt: z.iso.datetime(),
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
    query: asOfQuery,
    response: z.array(MandateVersion),
    problems: [...READ_PROBLEMS, "not-found"],
    read: ({ params, query }) =>
      ifInitiativeKnown([mandateHistoryProjection], params.id, query.asOf, (db) =>
        mandateHistory(db, params.id, { asOf: query.asOf }),
      ),
  }),
};
