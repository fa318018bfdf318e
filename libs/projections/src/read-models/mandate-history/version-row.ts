import type {
  Clause,
  DecisionRef,
  IsoDate,
  MandateChangeKind,
  MandateChanges,
  MandateId,
  MandateTerms,
  MandateTrigger,
  RecordedMandateEvent,
  Steering,
} from "#domain";

/** A row of `mandate_versions`, as written and as read. */
export interface MandateVersionRow {
  readonly initiative_id: string;
  readonly mandate_id: string;
  readonly version: number;
  readonly change: MandateChangeKind;
  readonly scope: string | null;
  readonly boundaries: string | null;
  readonly principles: string | null;
  readonly steering: Steering | null;
  readonly budget_sek: number | null;
  readonly valid_from: IsoDate;
  readonly valid_until: IsoDate | null;
  readonly revoked_from: IsoDate | null;
  readonly effective_from: IsoDate | null;
  readonly changes: string | null;
  readonly reason: string | null;
  readonly triggered_by: string | null;
  readonly decision: string | null;
  readonly recorded_at: string;
  readonly recorded_by: string;
  readonly position: number;
}

/** The columns of `mandate_versions` but the initiative's id, in the order `versionRow` takes them. */
export const VERSION_COLUMNS = [
  "mandate_id",
  "version",
  "change",
  "scope",
  "boundaries",
  "principles",
  "steering",
  "budget_sek",
  "valid_from",
  "valid_until",
  "revoked_from",
  "effective_from",
  "changes",
  "reason",
  "triggered_by",
  "decision",
  "recorded_at",
  "recorded_by",
  "position",
] as const;

type Values<Row, Columns extends ReadonlyArray<keyof Row>> = { -readonly [I in keyof Columns]: Row[Columns[I]] };

/** A row of VERSION_COLUMNS read as an array (raw). */
export type VersionColumns = Values<MandateVersionRow, typeof VERSION_COLUMNS>;

/** The row of the initiative's VERSION_COLUMNS. */
export const versionRow = (
  initiativeId: string,
  [
    mandate_id,
    version,
    change,
    scope,
    boundaries,
    principles,
    steering,
    budget_sek,
    valid_from,
    valid_until,
    revoked_from,
    effective_from,
    changes,
    reason,
    triggered_by,
    decision,
    recorded_at,
    recorded_by,
    position,
  ]: VersionColumns,
): MandateVersionRow => ({
  initiative_id: initiativeId,
  mandate_id,
  version,
  change,
  scope,
  boundaries,
  principles,
  steering,
  budget_sek,
  valid_from,
  valid_until,
  revoked_from,
  effective_from,
  changes,
  reason,
  triggered_by,
  decision,
  recorded_at,
  recorded_by,
  position,
});

type TermColumns = Pick<MandateVersionRow, "scope" | "boundaries" | "principles" | "steering" | "budget_sek">;

/** The terms of a grant row. */
export const termsOfRow = (row: TermColumns): MandateTerms => {
  if (row.scope === null || row.boundaries === null || row.principles === null || row.steering === null)
    throw new Error("Terms read from a mandate version that is not a grant");
  return {
    scope: JSON.parse(row.scope) as Clause[],
    boundaries: JSON.parse(row.boundaries) as Clause[],
    principles: JSON.parse(row.principles) as Clause[],
    steering: row.steering,
    ...(row.budget_sek === null ? {} : { budgetSek: row.budget_sek }),
  };
};

export const termColumns = (terms: MandateTerms): TermColumns => ({
  scope: JSON.stringify(terms.scope),
  boundaries: JSON.stringify(terms.boundaries),
  principles: JSON.stringify(terms.principles),
  steering: terms.steering,
  budget_sek: terms.budgetSek ?? null,
});

/** The columns of the rows that are not grants. */
export const NO_TERMS: TermColumns = { scope: null, boundaries: null, principles: null, steering: null, budget_sek: null };

/** Optional JSON payload parts (decision, trigger, changes) are NULL when absent. */
export const jsonOrNull = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Parses a JSON column; `recordedMandateEvents` parses each distinct text once. */
type Parse = (text: string) => unknown;

/** The events the rows record, as the reading of a mandate's history takes them. */
export function recordedMandateEvents(rows: ReadonlyArray<MandateVersionRow>): RecordedMandateEvent[] {
  // Rows repeat their decisions and changes: parse each distinct JSON text once per answer.
  const parsed = new Map<string, unknown>();
  const parse: Parse = (text) => {
    let value = parsed.get(text);
    if (value === undefined) parsed.set(text, (value = JSON.parse(text)));
    return value;
  };
  return rows.map((row) => recordedMandateEvent(row, parse));
}

function recordedMandateEvent(row: MandateVersionRow, parse: Parse): RecordedMandateEvent {
  const optional = <K extends string, T>(key: K, text: string | null): Partial<Record<K, T>> =>
    text === null ? {} : ({ [key]: parse(text) as T } as Partial<Record<K, T>>);
  const mandateId = row.mandate_id as MandateId;
  const decision = optional<"decision", DecisionRef>("decision", row.decision);
  const recorded = { recordedAt: row.recorded_at, recordedBy: row.recorded_by };
  switch (row.change) {
    case "granted": {
      const { scope, boundaries, principles, ...rest } = termsOfRow(row);
      return {
        event: {
          type: "MandateGranted",
          data: {
            mandateId,
            scope: [...scope],
            boundaries: [...boundaries],
            principles: [...principles],
            ...rest,
            validFrom: row.valid_from,
            ...(row.valid_until === null ? {} : { validUntil: row.valid_until }),
            ...decision,
          },
        },
        ...recorded,
      };
    }
    case "amended":
      return {
        event: {
          type: "MandateAmended",
          data: {
            mandateId,
            changes: parse(row.changes!) as MandateChanges,
            reason: row.reason!,
            effectiveFrom: row.effective_from!,
            ...decision,
            ...optional<"triggeredBy", MandateTrigger>("triggeredBy", row.triggered_by),
          },
        },
        ...recorded,
      };
    case "renewed":
      return { event: { type: "MandateRenewed", data: { mandateId, validUntil: row.valid_until!, ...decision } }, ...recorded };
    case "revoked":
      return {
        event: {
          type: "MandateRevoked",
          data: { mandateId, reason: row.reason!, effectiveFrom: row.effective_from!, ...decision },
        },
        ...recorded,
      };
  }
}
