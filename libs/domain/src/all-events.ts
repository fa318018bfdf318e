import { budgetEvents } from "./budget/events.js";
import { initiativeEvents } from "./initiative/events.js";
import { meetingEvents } from "./meeting/events.js";
import { organisationEvents } from "./organisation/events.js";
import { personEvents } from "./person/events.js";
import { registrationEvents } from "./registration/events.js";
import type { EventCatalog, EventsOf } from "./shared/event-catalog.js";
import { signalEvents } from "./signal/events.js";
import { tensionEvents } from "./tension/events.js";

/** Every event type of every stream: for validation at the edges, documentation and upcasting. */
export const allEvents = {
  ...organisationEvents,
  ...personEvents,
  ...initiativeEvents,
  ...signalEvents,
  ...tensionEvents,
  ...meetingEvents,
  ...budgetEvents,
  ...registrationEvents,
} as const satisfies EventCatalog;

export type MandatEvent = EventsOf<typeof allEvents>;
export type MandatEventType = MandatEvent["type"];
export type MandatEventOf<Type extends MandatEventType> = Extract<MandatEvent, { type: Type }>;
