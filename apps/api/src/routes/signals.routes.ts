import { acknowledgeSignal, answerSignal, submitSignal, withdrawSignal } from "#application";
import { ClauseId, MandatePosition, SignalFollowUp, SignalKind, SignalOutcome, anId, isoDate } from "#domain";
import { signalInboxProjection, signalPage } from "#projections";
import { z } from "zod";
import { readFrom } from "../cqrs/read-query.js";
import { commandRoute } from "../http/command-route.js";
import { pageQuery, pageRequest, paged } from "../http/pagination.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { asOfQuery } from "../http/time-parameters.js";
import { LEADS_OF_THEIR_INITIATIVES } from "./initiative-paths.js";

const tag = "Signals";

/** What every command on a submitted signal shares: its `:id` is the signalId. */
const onTheSignal = { tag, id: "signalId" } as const;

const signalsQuery = z.strictObject({
  status: z
    .enum(["unanswered", "answered"])
    .optional()
    .describe("`unanswered`: the inbox, oldest first; `answered`: newest answer first; default: all, oldest first"),
  initiativeId: anId().optional(),
  clauseId: ClauseId.optional().describe(
    "Only the signals citing this clause (with initiativeId: of that initiative's mandates)",
  ),
  ...asOfQuery.shape,
  ...pageQuery.shape,
});

const SignalListItem = z.object({
  id: z.uuid(),
  initiativeId: z.uuid(),
  kind: SignalKind,
  summary: z.string(),
  detail: z.string().nullable(),
  mandatePosition: MandatePosition,
  mandateId: z.uuid().nullable(),
  clauseId: ClauseId.nullable().describe("The clause of that mandate the signal pushes on"),
  observedOn: isoDate,
  status: z.enum(["submitted", "acknowledged", "answered", "withdrawn"]).describe("As known at asOf"),
  submittedAt: z.iso.datetime(),
  acknowledgedOn: isoDate.nullable(),
  answeredAt: z.iso.datetime().nullable(),
  outcome: SignalOutcome.nullable(),
  response: z.string().nullable(),
  followUp: SignalFollowUp.nullable(),
});

export const signalRoutes = {
  submit: commandRoute(submitSignal, {
    path: `${API}/signals`,
    operationId: "submitSignal",
    summary: "Submit a signal from an initiative to the Core Team",
    tag,
    scope: LEADS_OF_THEIR_INITIATIVES,
  }),
  list: readRoute({
    path: `${API}/signals`,
    operationId: "listSignals",
    summary: "Signals as known at asOf, optionally only the unanswered or the answered ones of one initiative",
    tag,
    query: signalsQuery,
    response: z.array(SignalListItem),
    read: ({ query }) =>
      readFrom([signalInboxProjection], ({ readModels }) =>
        paged(pageRequest(query), (page) =>
          signalPage(readModels, {
            status: query.status,
            initiativeId: query.initiativeId,
            clauseId: query.clauseId,
            asOf: query.asOf,
            page,
          }),
        ),
      ),
  }),
  acknowledge: commandRoute(acknowledgeSignal, {
    ...onTheSignal,
    path: `${API}/signals/:id/acknowledgement`,
    operationId: "acknowledgeSignal",
    summary: "Acknowledge a signal, dated today; acknowledging it again changes nothing",
  }),
  answer: commandRoute(answerSignal, {
    ...onTheSignal,
    path: `${API}/signals/:id/answer`,
    operationId: "answerSignal",
    summary: "Answer a signal once, optionally naming the adjusted mandate or the tension it led to",
  }),
  withdraw: commandRoute(withdrawSignal, {
    ...onTheSignal,
    path: `${API}/signals/:id/withdrawal`,
    operationId: "withdrawSignal",
    summary: "Withdraw a signal that is not yet answered",
    scope: "A lead only for signals of the initiatives they lead, whoever submitted them.",
  }),
};
