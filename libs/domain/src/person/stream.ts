import type { PersonId } from "../shared/schema-primitives.js";
import { streamName } from "../shared/stream-name.js";

export const personStream = (id: PersonId | string): string => streamName("person", id);
