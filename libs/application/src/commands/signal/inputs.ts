import { SignalId, signalEvents as events } from "#domain";
import { z } from "zod";

// What callers send. The signal id is minted by the pipeline (submit) or names the signal.
export const SubmitSignalInput = events.SignalSubmitted.schema;
/** The acknowledgement carries nothing but which signal: it is dated today. */
export const AcknowledgeSignalInput = z.strictObject({ signalId: SignalId });
export const AnswerSignalInput = events.SignalAnswered.schema.extend({ signalId: SignalId });
export const WithdrawSignalInput = events.SignalWithdrawn.schema.extend({ signalId: SignalId });
