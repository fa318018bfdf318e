import { DecisionId, MeetingId } from "#domain";
import { z } from "zod";

// The number, its year and the series are the server's: a caller names only what is registered.
export const RegisterMinutesInput = z.strictObject({ meetingId: MeetingId });
export const RegisterDecisionInput = z.strictObject({ meetingId: MeetingId, decisionId: DecisionId });
