import type { MeetingId } from "../shared/schema-primitives.js";
import { streamName } from "../shared/stream-name.js";

export const meetingStream = (id: MeetingId | string): string => streamName("meeting", id);
