import type { OrganisationId } from "../shared/schema-primitives.js";
import { streamName } from "../shared/stream-name.js";

export const organisationStream = (id: OrganisationId | string): string => streamName("organisation", id);
