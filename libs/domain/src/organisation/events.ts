import { z } from "zod";
import type { EventsOf } from "../shared/event-catalog.js";
import { ContextId, longText, name, optionalLongText } from "../shared/schema-primitives.js";

export const OrganisationKind = z.enum(["municipality", "university", "region", "other"]);
export const GoverningContextKind = z.enum(["committee", "management-group", "board", "network", "other"]);

export const organisationEvents = {
  OrganisationRegistered: {
    schemaVersion: 1,
    schema: z.strictObject({ name, kind: OrganisationKind }),
  },
  GoverningContextMapped: {
    schemaVersion: 1,
    schema: z.strictObject({ contextId: ContextId, name, kind: GoverningContextKind, description: optionalLongText }),
  },
  GoverningContextRetired: {
    schemaVersion: 1,
    schema: z.strictObject({ contextId: ContextId, reason: longText }),
  },
} as const;

export type OrganisationEvent = EventsOf<typeof organisationEvents>;
export type OrganisationEventOf<Type extends OrganisationEvent["type"]> = Extract<OrganisationEvent, { type: Type }>;
