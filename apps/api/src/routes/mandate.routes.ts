import { amendMandate, grantMandate, renewMandate, revokeMandate } from "#application";
import {
  AmendMandateInput,
  DecisionNotFound,
  DecisionRef,
  EffectiveDateOutsideValidity,
  GrantMandateInput,
  MandateChanges,
  MandateNotFound,
  MandateRequiresActiveGoal,
  MandateRevoked,
  MandateTrigger,
  MandateValidityInvalid,
  MandatesOverlap,
  RenewMandateInput,
  RenewalNotLater,
  RevokeMandateInput,
  Steering,
  TriggerNotFound,
  isoDate,
} from "#domain";
import { z } from "zod";
import { API, type RouteDefinition } from "../http/route-definition.js";
import { asOfQuery } from "../http/time-parameters.js";
import { READ_PROBLEMS, commandRoute, idParam } from "./common.js";
import { initiativeParams, initiativeRules } from "./initiative-paths.js";

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

/** What the three changes to an existing mandate share; each can cite a decision that no meeting recorded. */
const onExistingMandate = {
  tag,
  params: initiativeParams({ mandateId: z.uuid() }),
  pathId: "initiativeId",
  unknownInPath: [MandateNotFound],
} as const;

const changeRules = (...classes: ReadonlyArray<{ readonly rule: string }>) => initiativeRules(DecisionNotFound, MandateRevoked, ...classes);

export const mandateRoutes = {
  grant: commandRoute(grantMandate, {
    path: `${API}/initiatives/:id/mandates`,
    operationId: "grantMandate",
    summary: "Grant the initiative a mandate; the id answered is the mandateId",
    tag,
    params: idParam,
    pathId: "initiativeId",
    body: GrantMandateInput,
    rules: initiativeRules(DecisionNotFound, MandateRequiresActiveGoal, MandateValidityInvalid, MandatesOverlap),
  }),
  amend: commandRoute(amendMandate, {
    ...onExistingMandate,
    path: `${API}/initiatives/:id/mandates/:mandateId/amendments`,
    operationId: "amendMandate",
    summary: "Amend the mandate's terms from a day within its validity",
    body: AmendMandateInput,
    rules: changeRules(EffectiveDateOutsideValidity, TriggerNotFound),
  }),
  renew: commandRoute(renewMandate, {
    ...onExistingMandate,
    path: `${API}/initiatives/:id/mandates/:mandateId/renewal`,
    operationId: "renewMandate",
    summary: "Renew the mandate: move its validUntil later",
    body: RenewMandateInput,
    rules: changeRules(RenewalNotLater, MandatesOverlap),
  }),
  revoke: commandRoute(revokeMandate, {
    ...onExistingMandate,
    path: `${API}/initiatives/:id/mandates/:mandateId/revocation`,
    operationId: "revokeMandate",
    summary: "Revoke the mandate from a day within its validity",
    body: RevokeMandateInput,
    rules: changeRules(EffectiveDateOutsideValidity),
  }),
  history: {
    method: "GET",
    path: `${API}/initiatives/:id/mandates`,
    operationId: "mandateHistory",
    summary: "Every version of the initiative's mandates recorded by asOf, oldest first",
    tag,
    audience: "authenticated",
    params: idParam,
    query: asOfQuery,
    response: z.array(MandateVersion),
    status: 200,
    problems: [...READ_PROBLEMS, "not-found"],
  },
} satisfies Record<string, RouteDefinition>;
