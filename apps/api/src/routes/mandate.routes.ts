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
} from "#domain";
import { z } from "zod";
import type { RouteDefinition } from "../http/route-definition.js";
import { asOfQuery } from "../http/time-parameters.js";
import { API, READ_PROBLEMS, WriteAnswer, idParam, rules } from "./common.js";
import { initiativeParams, initiativeProblems, onInitiative } from "./initiative-paths.js";

const tag = "Mandates";
const date = z.iso.date();

const MandateVersion = z.object({
  mandateId: z.uuid(),
  version: z.number().int(),
  change: z.enum(["granted", "amended", "renewed", "revoked"]),
  scope: z.array(z.string()),
  boundaries: z.array(z.string()),
  principles: z.array(z.string()),
  steering: Steering,
  budgetSek: z.number().int().nullable(),
  validFrom: date,
  validUntil: date.nullable(),
  revokedFrom: date.nullable(),
  effectiveFrom: date.describe("The day this version's change takes effect"),
  changes: MandateChanges.nullable().describe("An amendment's own changes; the terms are cumulative in recording order"),
  reason: z.string().nullable(),
  triggeredBy: MandateTrigger.nullable(),
  recordedAt: z.iso.datetime(),
  decision: DecisionRef.nullable(),
});

/** What the three changes to an existing mandate share; each can cite a decision that no meeting recorded. */
const onExistingMandate = {
  method: "POST",
  tag,
  audience: ["core-team"],
  params: initiativeParams({ mandateId: z.uuid() }),
  response: WriteAnswer,
  status: 200,
  unknownInPath: rules(MandateNotFound),
} as const;

const changeProblems = (...classes: ReadonlyArray<{ readonly rule: string }>) =>
  initiativeProblems(DecisionNotFound, MandateRevoked, ...classes);

export const mandateRoutes = {
  grant: {
    method: "POST",
    path: `${API}/initiatives/:id/mandates`,
    operationId: "grantMandate",
    summary: "Grant the initiative a mandate; the id answered is the mandateId",
    tag,
    audience: ["core-team"],
    params: idParam,
    body: GrantMandateInput,
    response: WriteAnswer,
    status: 201,
    problems: initiativeProblems(DecisionNotFound, MandateRequiresActiveGoal, MandateValidityInvalid, MandatesOverlap),
    command: { spec: grantMandate, input: onInitiative },
  },
  amend: {
    ...onExistingMandate,
    path: `${API}/initiatives/:id/mandates/:mandateId/amendments`,
    operationId: "amendMandate",
    summary: "Amend the mandate's terms from a day within its validity",
    body: AmendMandateInput,
    problems: changeProblems(EffectiveDateOutsideValidity, TriggerNotFound),
    command: { spec: amendMandate, input: onInitiative },
  },
  renew: {
    ...onExistingMandate,
    path: `${API}/initiatives/:id/mandates/:mandateId/renewal`,
    operationId: "renewMandate",
    summary: "Renew the mandate: move its validUntil later",
    body: RenewMandateInput,
    problems: changeProblems(RenewalNotLater, MandatesOverlap),
    command: { spec: renewMandate, input: onInitiative },
  },
  revoke: {
    ...onExistingMandate,
    path: `${API}/initiatives/:id/mandates/:mandateId/revocation`,
    operationId: "revokeMandate",
    summary: "Revoke the mandate from a day within its validity",
    body: RevokeMandateInput,
    problems: changeProblems(EffectiveDateOutsideValidity),
    command: { spec: revokeMandate, input: onInitiative },
  },
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
