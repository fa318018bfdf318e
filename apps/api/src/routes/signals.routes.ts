import { acknowledgeSignal, answerSignal, submitSignal, withdrawSignal } from "#application";
import {
  AcknowledgeSignalInput,
  AnswerSignalInput,
  FollowUpNotFound,
  InitiativeClosed,
  InitiativeNotRegistered,
  MandateAdjustmentNeedsMandate,
  MandateNotFound,
  SignalAlreadyAnswered,
  SignalWithdrawnError,
  SubmitSignalInput,
  WithdrawSignalInput,
} from "#domain";
import { z } from "zod";
import type { ParsedRequest, RouteDefinition } from "../http/route-definition.js";
import { asOfQuery } from "../http/time-parameters.js";
import { API, COMMAND_PROBLEMS, READ_PROBLEMS, WriteAnswer, idParam, rules } from "./common.js";

const tag = "Signals";

const onSignal = ({ params, body }: ParsedRequest) => ({ signalId: params.id, ...body });

const signalsQuery = z.strictObject({
  status: z
    .enum(["unanswered", "answered"])
    .optional()
    .describe("`unanswered`: the inbox, oldest first; `answered`: newest answer first; default: all, oldest first"),
  initiativeId: z.uuid().optional(),
  ...asOfQuery.shape,
});

export const signalRoutes = {
  submit: {
    method: "POST",
    path: `${API}/signals`,
    operationId: "submitSignal",
    summary: "Submit a signal from an initiative to the Core Team",
    tag,
    audience: ["core-team", "initiative-lead"],
    scope: "A lead only for the initiatives in their token.",
    body: SubmitSignalInput,
    response: WriteAnswer,
    status: 201,
    problems: [...COMMAND_PROBLEMS, ...rules(InitiativeNotRegistered, InitiativeClosed, MandateNotFound)],
    command: { spec: submitSignal, input: ({ body }) => body },
  },
  list: {
    method: "GET",
    path: `${API}/signals`,
    operationId: "listSignals",
    summary: "Signals as known at asOf, optionally only the unanswered or the answered ones of one initiative",
    tag,
    audience: "authenticated",
    query: signalsQuery,
    status: 200,
    problems: READ_PROBLEMS,
  },
  acknowledge: {
    method: "POST",
    path: `${API}/signals/:id/acknowledgement`,
    operationId: "acknowledgeSignal",
    summary: "Acknowledge a signal, dated today; acknowledging it again changes nothing",
    tag,
    audience: ["core-team"],
    params: idParam,
    body: AcknowledgeSignalInput,
    response: WriteAnswer,
    status: 200,
    problems: [...COMMAND_PROBLEMS, ...rules(SignalWithdrawnError)],
    command: { spec: acknowledgeSignal, input: onSignal },
  },
  answer: {
    method: "POST",
    path: `${API}/signals/:id/answer`,
    operationId: "answerSignal",
    summary: "Answer a signal once, optionally naming the adjusted mandate or the tension it led to",
    tag,
    audience: ["core-team"],
    params: idParam,
    body: AnswerSignalInput,
    response: WriteAnswer,
    status: 200,
    problems: [
      ...COMMAND_PROBLEMS,
      ...rules(SignalWithdrawnError, SignalAlreadyAnswered, MandateAdjustmentNeedsMandate, FollowUpNotFound),
    ],
    command: { spec: answerSignal, input: onSignal },
  },
  withdraw: {
    method: "POST",
    path: `${API}/signals/:id/withdrawal`,
    operationId: "withdrawSignal",
    summary: "Withdraw a signal that is not yet answered",
    tag,
    audience: ["core-team", "initiative-lead"],
    scope: "A lead only for signals of the initiatives in their token, whoever submitted them.",
    params: idParam,
    body: WithdrawSignalInput,
    response: WriteAnswer,
    status: 200,
    problems: [...COMMAND_PROBLEMS, ...rules(SignalWithdrawnError, SignalAlreadyAnswered)],
    command: { spec: withdrawSignal, input: onSignal },
  },
} satisfies Record<string, RouteDefinition>;
