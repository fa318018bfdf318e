import { type InitiativeEvent, type InitiativeEventOf, parseStreamName } from "#domain";
import type { RecordedEvent } from "#event-store";

/**
 * A recorded event of one of the initiative-stream types a projection handles. The runner
 * hands a projection only the types in its `eventTypes`, and the store validated the
 * payload on append, so narrowing by `type` is sound.
 */
export type RecordedInitiativeEvent<Type extends InitiativeEvent["type"]> = RecordedEvent & InitiativeEventOf<Type>;

/** The initiative an event belongs to: the id of its `initiative-<id>` stream. */
export const initiativeIdOf = (event: RecordedEvent): string => {
  const stream = parseStreamName(event.streamId);
  if (stream?.category !== "initiative") throw new Error(`${event.type} on ${event.streamId}: not an initiative stream`);
  return stream.id;
};
