import { type MandatEventOf, type MandatEventType, assertNever, parseStreamName } from "#domain";
import type { RecordedEvent } from "#event-store";
import type { ProjectionDefinition } from "../../runner/projection-definition.js";
import { signalInboxTables } from "./tables.js";

const handledTypes = [
  "SignalSubmitted",
  "SignalAcknowledged",
  "SignalAnswered",
  "SignalWithdrawn",
] as const satisfies ReadonlyArray<MandatEventType>;
type HandledEvent = RecordedEvent & MandatEventOf<(typeof handledTypes)[number]>;

export const signalInboxProjection: ProjectionDefinition<keyof typeof signalInboxTables> = {
  name: "signal-inbox",
  version: 1,
  tables: signalInboxTables,
  eventTypes: new Set(handledTypes),
  bind: (db, tables) => {
    const insertSignal = db.prepare(
      `INSERT INTO ${tables.signals} (signal_id, initiative_id, kind, summary, detail, mandate_position, mandate_id,
         observed_on, submitted_at, submitted_position, submitted_by)
       VALUES (@signalId, @initiativeId, @kind, @summary, @detail, @mandatePosition, @mandateId,
         @observedOn, @recordedAt, @position, @actorId)`,
    );
    const acknowledge = db.prepare(
      `UPDATE ${tables.signals} SET acknowledged_on = @on, acknowledged_at = @recordedAt WHERE signal_id = @signalId`,
    );
    const answer = db.prepare(
      `UPDATE ${tables.signals} SET answered_at = @recordedAt, response = @response, outcome = @outcome, follow_up = @followUp
       WHERE signal_id = @signalId`,
    );
    const withdraw = db.prepare(
      `UPDATE ${tables.signals} SET withdrawn_at = @recordedAt, withdrawal_reason = @reason WHERE signal_id = @signalId`,
    );
    return (recorded) => {
      const event = recorded as HandledEvent;
      const signalId = parseStreamName(event.streamId)!.id;
      const { recordedAt } = event;
      switch (event.type) {
        case "SignalSubmitted": {
          const { data } = event;
          insertSignal.run({
            signalId,
            initiativeId: data.initiativeId,
            kind: data.kind,
            summary: data.summary,
            detail: data.detail ?? null,
            mandatePosition: data.mandatePosition,
            mandateId: data.mandateId ?? null,
            observedOn: data.observedOn,
            recordedAt,
            position: event.position,
            actorId: event.metadata.actor.id,
          });
          return;
        }
        case "SignalAcknowledged":
          acknowledge.run({ signalId, recordedAt, on: event.data.on });
          return;
        case "SignalAnswered": {
          const { response, outcome, followUp } = event.data;
          answer.run({ signalId, recordedAt, response, outcome, followUp: followUp ? JSON.stringify(followUp) : null });
          return;
        }
        case "SignalWithdrawn":
          withdraw.run({ signalId, recordedAt, reason: event.data.reason });
          return;
        default:
          assertNever(event, "signal event");
      }
    };
  },
};

