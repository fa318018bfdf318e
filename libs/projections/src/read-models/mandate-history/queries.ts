import {
  type DatedChanges,
  type DecisionRef,
  type Clause,
  type IsoDate,
  type MandateChangeKind,
  type MandateTrigger,
  type NumberedChanges,
  type Steering,
  type MandateHistoryRow,
  type MandateTerms,
  addDays,
  mandateInForceOn,
  termsOn,
} from "#domain";
import type Database from "better-sqlite3";
import { type MandateVersionRow, termsOfRow } from "./version-row.js";
import { recordedHistory } from "./recorded-histories.js";
import { type ClauseView, termsShown, withCitations } from "./clause-views.js";
import { type ClauseCitations, clauseCitations } from "../signal-inbox/queries.js";
import { prepared } from "../../runner/prepared.js";
import { inOneSnapshot } from "../../runner/read-snapshot.js";

/** A row of the mandate history: `mandateHistoryRows` (libs/domain) with absent fields as null. */
export interface MandateVersion {
  readonly mandateId: string;
  readonly version: number;
  readonly change: MandateChangeKind;
  /** scope ... budgetSek: the terms in force from effectiveFrom, as known when this version was recorded. */
  readonly scope: ReadonlyArray<string>;
  readonly boundaries: ReadonlyArray<string>;
  readonly principles: ReadonlyArray<string>;
  /** The clauses of those terms, each with the signals citing it observed on the days they held (`lastDayHeld`). */
  readonly clauses: ReadonlyArray<ClauseView>;
  readonly steering: Steering;
  readonly budgetSek: number | null;
  /** The day before the next change of terms known when recorded; null when none was. */
  readonly termsUntil: IsoDate | null;
  /** The first day these terms were to hold on which, by changes recorded later (by asOf), other terms or none hold. */
  readonly supersededFrom: IsoDate | null;
  /** The validity after this version. */
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate | null;
  readonly revokedFrom: IsoDate | null;
  /** The day this version's change takes effect. */
  readonly effectiveFrom: IsoDate;
  /** An amendment's own changes, each clause with its id. */
  readonly changes: NumberedChanges | null;
  readonly reason: string | null;
  readonly triggeredBy: MandateTrigger | null;
  readonly recordedAt: string;
  /** The actor's id. */
  readonly recordedBy: string;
  readonly decision: DecisionRef | null;
}

export interface MandateInForce {
  readonly mandateId: string;
  readonly scope: ReadonlyArray<string>;
  readonly boundaries: ReadonlyArray<string>;
  readonly principles: ReadonlyArray<string>;
  /** The clauses of those terms, scope first (the overview adds the signals citing each). */
  readonly clauses: ReadonlyArray<Clause>;
  readonly steering: Steering;
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate | null;
  readonly budgetSek: number | null;
}

/**
 * Every version of the initiative's mandates recorded by `asOf`, oldest first, read as
 * docs/domain.md says. Reads the signal inbox too, for the signals per clause. The versions
 * of mandates no signal cites are shared between answers (`uncitedVersion`): read-only.
 */
export function mandateHistory(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string } = {},
): MandateVersion[] {
  return inOneSnapshot(db, () => {
    const history = recordedHistory(db, initiativeId);
    // The signals citing each mandate's clauses, read once for every version.
    const citations = clauseCitations(db, history.mandateIds, options);
    const rows = history.rowsAsOf(options.asOf);
    return rows.map((row) => {
      const cited = citations.get(row.mandateId);
      return cited === undefined || cited.length === 0 ? uncitedVersion(row) : versionOf(row, cited);
    });
  });
}

/**
 * The version of a row whose mandate no signal cites: the same for every asOf that reads
 * the row, and the rows are kept between reads (recorded-histories.ts), so it is made once
 * per row rather than once per answer.
 */
const uncitedVersion = (row: MandateHistoryRow): MandateVersion => {
  let version = uncitedVersions.get(row);
  if (!version) uncitedVersions.set(row, (version = versionOf(row, [])));
  return version;
};

const uncitedVersions = new WeakMap<MandateHistoryRow, MandateVersion>();

const versionOf = (row: MandateHistoryRow, cited: ReadonlyArray<ClauseCitations>): MandateVersion => {
  const shown = termsShownOnce(row.terms);
  return {
    mandateId: row.mandateId,
    version: row.version,
    change: row.change,
    ...shown,
    // The window counts citations only: none, no need to work out its end.
    clauses: withCitations(shown.clauses, cited, {
      from: row.effectiveFrom,
      until: cited.length === 0 ? undefined : lastDayHeld(row),
    }),
    steering: row.terms.steering,
    budgetSek: row.terms.budgetSek ?? null,
    termsUntil: row.termsUntil ?? null,
    supersededFrom: row.supersededFrom ?? null,
    validFrom: row.validity.validFrom,
    validUntil: row.validity.validUntil ?? null,
    revokedFrom: row.validity.revokedFrom ?? null,
    effectiveFrom: row.effectiveFrom,
    changes: row.changes ?? null,
    reason: row.reason ?? null,
    triggeredBy: row.triggeredBy ?? null,
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy,
    decision: row.decision ?? null,
  };
};

/** Versions of a mandate share the terms they show: each is shown once. */
const termsShownOnce = (terms: MandateTerms): ReturnType<typeof termsShown> => {
  let shown = shownTerms.get(terms);
  if (!shown) shownTerms.set(terms, (shown = termsShown(terms)));
  return shown;
};

const shownTerms = new WeakMap<MandateTerms, ReturnType<typeof termsShown>>();

/**
 * The mandate in force on `at` as known at `asOf`, or null. Validity comes from each
 * mandate's latest version recorded by `asOf`; the terms are folded in valid time from
 * the grant and the amendments recorded by then, so a backdated amendment counts from
 * its `effectiveFrom`, not from when it was recorded.
 */
export function mandateInForce(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string; readonly at: IsoDate },
): MandateInForce | null {
  const asOf = options.asOf ?? null;
  return inOneSnapshot(db, () => {
    // Validity changes only on grant, renewal and revocation: a handful of rows, whatever the
    // number of amendments. Each mandate's latest such row by asOf (SQLite takes the bare
    // columns from the row holding the max), of the mandates begun by `at`, the only ones that
    // can be in force then; all read from one covering index.
    const candidates = prepared<
      { initiativeId: string; asOf: string | null; at: IsoDate },
      Pick<MandateVersionRow, "mandate_id" | "valid_from" | "valid_until" | "revoked_from">
    >(
      db,
      `SELECT mandate_id, valid_from, valid_until, revoked_from, max(position) AS position FROM mandate_versions
       WHERE initiative_id = @initiativeId AND valid_from <= @at AND change IN ('granted', 'renewed', 'revoked')
         AND recorded_at <= coalesce(@asOf, recorded_at)
       GROUP BY mandate_id`,
    )
      .all({ initiativeId, asOf, at: options.at })
      .map((row) => ({
        mandateId: row.mandate_id,
        validFrom: row.valid_from,
        validUntil: row.valid_until ?? undefined,
        revokedFrom: row.revoked_from ?? undefined,
      }));
    const inForce = mandateInForceOn(candidates, options.at);
    if (!inForce) return null;
    const granted = prepared<[string], MandateVersionRow>(
      db,
      "SELECT * FROM mandate_versions WHERE mandate_id = ? AND version = 1",
    ).get(inForce.mandateId)!;
    const amendments: DatedChanges[] = prepared<
      { mandateId: string; asOf: string | null; at: IsoDate },
      Pick<MandateVersionRow, "effective_from" | "changes" | "position">
    >(
      db,
      `SELECT effective_from, changes, position FROM mandate_versions
       WHERE mandate_id = @mandateId AND change = 'amended' AND effective_from <= @at
         AND recorded_at <= coalesce(@asOf, recorded_at)`,
    )
      .all({ mandateId: inForce.mandateId, asOf, at: options.at })
      .map((row) => ({
        effectiveFrom: row.effective_from!,
        changes: JSON.parse(row.changes!) as NumberedChanges,
        order: row.position,
      }));
    const terms = termsOn(termsOfRow(granted), amendments, options.at);
    return {
      mandateId: inForce.mandateId,
      ...termsShown(terms),
      steering: terms.steering,
      validFrom: inForce.validFrom,
      validUntil: inForce.validUntil ?? null,
      budgetSek: terms.budgetSek ?? null,
    };
  });
}

/**
 * The last day a row's terms held as known at asOf: the day before the next change then known
 * (termsUntil) or, when earlier, before the day changes recorded later superseded them;
 * undefined when they still hold.
 */
const lastDayHeld = (row: Pick<MandateHistoryRow, "termsUntil" | "supersededFrom">): IsoDate | undefined => {
  const superseded = row.supersededFrom && addDays(row.supersededFrom, -1);
  return [row.termsUntil, superseded].filter((day): day is IsoDate => day !== undefined).sort()[0];
};
