import type { SignalId } from "../shared/schema-primitives.js";
import { streamName } from "../shared/stream-name.js";

export const signalStream = (id: SignalId | string): string => streamName("signal", id);
