import type { TensionId } from "../shared/schema-primitives.js";
import { streamName } from "../shared/stream-name.js";

export const tensionStream = (id: TensionId | string): string => streamName("tension", id);
