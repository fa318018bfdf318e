import type { InitiativeId } from "../shared/schema-primitives.js";
import { streamName } from "../shared/stream-name.js";

export const initiativeStream = (id: InitiativeId | string): string => streamName("initiative", id);
