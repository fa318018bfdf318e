import { type DecisionRef, addDays, applyChanges, assertNever } from "#domain";
import type { RecordedEvent } from "#event-store";
import { type RecordedMandatEvent, defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { LastWritten } from "../../runner/last-written.js";
import { mandateHistoryTables } from "./tables.js";
import { type MandateVersionRow, jsonOrNull, termColumns, termsOfRow } from "./version-row.js";

export const mandateHistoryProjection = defineProjection({
  name: "mandate-history",
  // 2: an index on one mandate's amendments by effective date, for the terms in force on a day.
  version: 2,
  tables: mandateHistoryTables,
  handles: ["MandateGranted", "MandateAmended", "MandateRenewed", "MandateRevoked"],
  bind: (db, tables) => {
    const insert = db.prepare<MandateVersionRow>(
      `INSERT INTO ${tables.mandate_versions} (initiative_id, mandate_id, version, change, scope, boundaries, principles,
         steering, budget_sek, valid_from, valid_until, revoked_from, effective_from, changes, reason, triggered_by,
         decision, recorded_at, position)
       VALUES (@initiative_id, @mandate_id, @version, @change, @scope, @boundaries, @principles,
         @steering, @budget_sek, @valid_from, @valid_until, @revoked_from, @effective_from, @changes, @reason, @triggered_by,
         @decision, @recorded_at, @position)`,
    );
    const latest = db.prepare<[string], MandateVersionRow>(
      `SELECT * FROM ${tables.mandate_versions} WHERE mandate_id = ? ORDER BY version DESC LIMIT 1`,
    );
    const written = new LastWritten<MandateVersionRow>((mandateId) => latest.get(mandateId));
    const latestVersion = (
      event: RecordedMandatEvent<"MandateAmended" | "MandateRenewed" | "MandateRevoked">,
    ): MandateVersionRow => {
      const row = written.get(event.data.mandateId);
      if (!row) throw new Error(`${event.type} of mandate ${event.data.mandateId}, which was never granted`);
      return row;
    };
    const write = (row: MandateVersionRow) => insert.run(written.remember(row.mandate_id, row));

    return (event) => {
      switch (event.type) {
        case "MandateGranted": {
          const { mandateId, validFrom, validUntil, decision, ...terms } = event.data;
          write({
            initiative_id: streamEntityId(event, "initiative"),
            mandate_id: mandateId,
            version: 1,
            change: "granted",
            ...termColumns(terms),
            valid_from: validFrom,
            valid_until: validUntil ?? null,
            revoked_from: null,
            effective_from: validFrom,
            changes: null,
            reason: null,
            triggered_by: null,
            decision: jsonOrNull(decision),
            recorded_at: event.recordedAt,
            position: event.position,
          });
          return;
        }
        case "MandateAmended": {
          const previous = latestVersion(event);
          const { changes, reason, effectiveFrom, decision, triggeredBy } = event.data;
          write({
            ...successor(previous, event, decision),
            ...termColumns(applyChanges(termsOfRow(previous), changes)),
            change: "amended",
            effective_from: effectiveFrom,
            changes: JSON.stringify(changes),
            reason,
            triggered_by: jsonOrNull(triggeredBy),
          });
          return;
        }
        case "MandateRenewed": {
          const previous = latestVersion(event);
          // renewal-not-later (docs/domain.md): only a mandate with an end is renewed; the renewal adds the days after it.
          if (previous.valid_until === null) throw new Error(`Renewal of open-ended mandate ${previous.mandate_id}`);
          write({
            ...successor(previous, event, event.data.decision),
            change: "renewed",
            valid_until: event.data.validUntil,
            effective_from: addDays(previous.valid_until, 1),
          });
          return;
        }
        case "MandateRevoked": {
          const { reason, effectiveFrom, decision } = event.data;
          write({
            ...successor(latestVersion(event), event, decision),
            change: "revoked",
            revoked_from: effectiveFrom,
            effective_from: effectiveFrom,
            reason,
          });
          return;
        }
        default:
          assertNever(event, "mandate-history event");
      }
    };
  },
});

/** The next version keeps the terms and validity of `previous`; what belongs to one change starts empty. */
const successor = (previous: MandateVersionRow, event: RecordedEvent, decision: DecisionRef | undefined): MandateVersionRow => ({
  ...previous,
  version: previous.version + 1,
  changes: null,
  reason: null,
  triggered_by: null,
  decision: jsonOrNull(decision),
  recorded_at: event.recordedAt,
  position: event.position,
});
