import { z } from "zod";
import type { EventsOf } from "../shared/event-catalog.js";
import { DecisionId, MeetingId, shortText } from "../shared/schema-primitives.js";

/** What a registration number is given to: a meeting's minutes, or one decision in them. */
export const RegisteredSubject = z.union([
  z.strictObject({ meetingId: MeetingId, decisionId: DecisionId }),
  z.strictObject({ meetingId: MeetingId }),
]);
export type RegisteredSubject = z.infer<typeof RegisteredSubject>;

export const registrationEvents = {
  /** A diarienummer: the year's next number in the series, formatted as the series was then. */
  RegistrationNumberAssigned: {
    schemaVersion: 1,
    schema: z.strictObject({
      subject: RegisteredSubject,
      year: z.number().int().min(2000).max(2100),
      n: z.number().int().min(1),
      number: shortText,
    }),
  },
} as const;

export type RegistrationEvent = EventsOf<typeof registrationEvents>;
export type RegistrationEventOf<Type extends RegistrationEvent["type"]> = Extract<RegistrationEvent, { type: Type }>;
