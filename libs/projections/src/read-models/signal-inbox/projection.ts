import { assertNever } from "#domain";
import { defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { insertSql } from "../../runner/insert-sql.js";
import { signalInboxTables } from "./tables.js";

export const signalInboxProjection = defineProjection({
  name: "signal-inbox",
  // 2: the clause a signal cites (issue #11), and an index to count a mandate's signals per clause.
  version: 2,
  tables: signalInboxTables,
  handles: ["SignalSubmitted", "SignalAcknowledged", "SignalAnswered", "SignalWithdrawn"],
  bind: (db, tables) => {
    const insertSignal = db.prepare(
      insertSql(tables.signals, [
        "signal_id",
        "initiative_id",
        "kind",
        "summary",
        "detail",
        "mandate_position",
        "mandate_id",
        "clause_id",
        "observed_on",
        "submitted_at",
        "submitted_position",
        "submitted_by",
      ]),
    );
    const acknowledge = db.prepare(`UPDATE ${tables.signals} SET acknowledged_on = ?, acknowledged_at = ? WHERE signal_id = ?`);
    const answer = db.prepare(
      `UPDATE ${tables.signals} SET answered_at = ?, response = ?, outcome = ?, follow_up = ? WHERE signal_id = ?`,
    );
    const withdraw = db.prepare(`UPDATE ${tables.signals} SET withdrawn_at = ?, withdrawal_reason = ? WHERE signal_id = ?`);
    return (event) => {
      const signalId = streamEntityId(event, "signal");
      const { recordedAt } = event;
      switch (event.type) {
        case "SignalSubmitted": {
          const { data } = event;
          insertSignal.run(
            signalId,
            data.initiativeId,
            data.kind,
            data.summary,
            data.detail ?? null,
            data.mandatePosition,
            data.mandateId ?? null,
            data.clauseId ?? null,
            data.observedOn,
            recordedAt,
            event.position,
            event.metadata.actor.id,
          );
          return;
        }
        case "SignalAcknowledged":
          acknowledge.run(event.data.on, recordedAt, signalId);
          return;
        case "SignalAnswered": {
          const { response, outcome, followUp } = event.data;
          answer.run(recordedAt, response, outcome, followUp ? JSON.stringify(followUp) : null, signalId);
          return;
        }
        case "SignalWithdrawn":
          withdraw.run(recordedAt, event.data.reason, signalId);
          return;
        default:
          assertNever(event, "signal event");
      }
    };
  },
});
