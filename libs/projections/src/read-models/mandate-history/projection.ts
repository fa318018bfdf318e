import { type DecisionRef, type NumberedChanges, RecordedTermsFold, assertNever } from "#domain";
import type { RecordedEvent } from "#event-store";
import { type RecordedMandatEvent, defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { insertSql } from "../../runner/insert-sql.js";
import { LastWritten } from "../../runner/last-written.js";
import { mandateHistoryTables } from "./tables.js";
import { type MandateVersionRow, NO_TERMS, VERSION_COLUMNS, jsonOrNull, termColumns, termsOfRow } from "./version-row.js";

export const mandateHistoryProjection = defineProjection({
  name: "mandate-history",
  // 2: an index on one mandate's amendments by effective date, for the terms in force on a day.
  // 3: rows hold what each event says (terms on the grant only) and who recorded it; the
  //    terms a version shows are read by mandateHistoryRows (docs/domain.md, issue #19).
  // 4: terms are clauses { id, text }; an amendment's changes are stored numbered (issue #11).
  // 5: a covering index for the validity of the mandates in force on a day (issue 16).
  version: 5,
  tables: mandateHistoryTables,
  handles: ["MandateGranted", "MandateAmended", "MandateRenewed", "MandateRevoked"],
  bind: (db, tables) => {
    const insert = db.prepare(insertSql(tables.mandate_versions, ["initiative_id", ...VERSION_COLUMNS]));
    const latest = db.prepare<[string], MandateVersionRow>(
      `SELECT * FROM ${tables.mandate_versions} WHERE mandate_id = ? ORDER BY version DESC LIMIT 1`,
    );
    const written = new LastWritten<MandateVersionRow>((mandateId) => latest.get(mandateId));
    const grantOf = db.prepare<[string], MandateVersionRow>(
      `SELECT * FROM ${tables.mandate_versions} WHERE mandate_id = ? AND version = 1`,
    );
    const amendmentsOf = db.prepare<[string], Pick<MandateVersionRow, "effective_from" | "changes" | "position">>(
      `SELECT effective_from, changes, position FROM ${tables.mandate_versions}
       WHERE mandate_id = ? AND change = 'amended' ORDER BY position`,
    );
    // Each mandate's terms as recorded so far, so numbering an amendment need not read and
    // parse every earlier one back, nor fold them all again (a mandate amended k times cost
    // O(k²)). The fold is the handler's own: it records each amendment written.
    const recorded = new LastWritten<RecordedTermsFold>((mandateId) => {
      const grant = grantOf.get(mandateId);
      return (
        grant &&
        RecordedTermsFold.of({
          granted: termsOfRow(grant),
          amendments: amendmentsOf.all(mandateId).map((row) => ({
            effectiveFrom: row.effective_from!,
            changes: JSON.parse(row.changes!) as NumberedChanges,
            order: row.position,
          })),
        })
      );
    });
    /**
     * The amendment's changes with every clause numbered against the mandate's rows before it
     * (docs/domain.md "Clauses"): amendments recorded before clauses had ids carry none, and
     * each reader of the rows sees them numbered as the decider numbers them.
     */
    const numbered = (event: RecordedMandatEvent<"MandateAmended">): NumberedChanges => {
      const { mandateId, effectiveFrom, changes } = event.data;
      const terms = recorded.get(mandateId);
      if (!terms) throw new Error(`${event.type} of mandate ${mandateId}, which was never granted`);
      return recorded.remember(mandateId, terms).amend(effectiveFrom, changes, event.position).changes;
    };
    const latestVersion = (
      event: RecordedMandatEvent<"MandateAmended" | "MandateRenewed" | "MandateRevoked">,
    ): MandateVersionRow => {
      const row = written.get(event.data.mandateId);
      if (!row) throw new Error(`${event.type} of mandate ${event.data.mandateId}, which was never granted`);
      return row;
    };
    // Rows are only ever inserted, at their event's position, in log order: the histories kept
    // between reads (recorded-histories.ts) know the table moved by its initiative's last position.
    const write = (row: MandateVersionRow) => {
      written.remember(row.mandate_id, row);
      insert.run(
        row.initiative_id,
        row.mandate_id,
        row.version,
        row.change,
        row.scope,
        row.boundaries,
        row.principles,
        row.steering,
        row.budget_sek,
        row.valid_from,
        row.valid_until,
        row.revoked_from,
        row.effective_from,
        row.changes,
        row.reason,
        row.triggered_by,
        row.decision,
        row.recorded_at,
        row.recorded_by,
        row.position,
      );
    };

    return (event) => {
      switch (event.type) {
        case "MandateGranted": {
          const { mandateId, validFrom, validUntil, decision, ...terms } = event.data;
          recorded.remember(mandateId, new RecordedTermsFold(terms));
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
            recorded_by: event.metadata.actor.id,
            position: event.position,
          });
          return;
        }
        case "MandateAmended": {
          const previous = latestVersion(event);
          const { reason, effectiveFrom, decision, triggeredBy } = event.data;
          write({
            ...successor(previous, event, decision),
            change: "amended",
            effective_from: effectiveFrom,
            changes: JSON.stringify(numbered(event)),
            reason,
            triggered_by: jsonOrNull(triggeredBy),
          });
          return;
        }
        case "MandateRenewed": {
          const previous = latestVersion(event);
          // renewal-not-later (docs/domain.md): only a mandate with an end is renewed. Its effectiveFrom,
          // the day after the validUntil it replaced, is the reading's (mandateHistoryRows).
          if (previous.valid_until === null) throw new Error(`Renewal of open-ended mandate ${previous.mandate_id}`);
          write({
            ...successor(previous, event, event.data.decision),
            change: "renewed",
            valid_until: event.data.validUntil,
            effective_from: null,
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

/** The next version keeps the validity of `previous`; what belongs to one change (terms included) starts empty. */
const successor = (previous: MandateVersionRow, event: RecordedEvent, decision: DecisionRef | undefined): MandateVersionRow => ({
  ...previous,
  ...NO_TERMS,
  version: previous.version + 1,
  changes: null,
  reason: null,
  triggered_by: null,
  decision: jsonOrNull(decision),
  recorded_at: event.recordedAt,
  recorded_by: event.metadata.actor.id,
  position: event.position,
});
