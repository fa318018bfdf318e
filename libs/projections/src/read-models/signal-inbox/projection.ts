import { assertNever } from "#domain";
import { defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { signalInboxTables } from "./tables.js";

export const signalInboxProjection = defineProjection({
  name: "signal-inbox",
  // 2: the clause a signal cites (issue #11), and an index to count a mandate's signals per clause.
  version: 2,
  tables: signalInboxTables,
  handles: ["SignalSubmitted", "SignalAcknowledged", "SignalAnswered", "SignalWithdrawn"],
  bind: (db, tables) => {
    const insertSignal = db.prepare(
      `INSERT INTO ${tables.signals} (signal_id, initiative_id, kind, summary, detail, mandate_position, mandate_id,
         clause_id, observed_on, submitted_at, submitted_position, submitted_by)
       VALUES (@signalId, @initiativeId, @kind, @summary, @detail, @mandatePosition, @mandateId,
         @clauseId, @observedOn, @recordedAt, @position, @actorId)`,
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
    return (event) => {
      const signalId = streamEntityId(event, "signal");
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
            clauseId: data.clauseId ?? null,
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
});
