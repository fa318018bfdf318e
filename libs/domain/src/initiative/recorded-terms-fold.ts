import type { IsoDate } from "../shared/calendar.js";
import type { MandateChanges } from "./events.js";
import {
  type ClauseNumbersUsed,
  type DatedChanges,
  type MandateTerms,
  type NumberedChanges,
  type RecordedTerms,
  type TermsPeriod,
  clauseNumbersUsed,
  numberedAgainst,
  periodIndexOn,
  termsPeriods,
  withClauseNumbersOf,
  withLaterAmendment,
} from "./mandate-terms.js";

/**
 * A mandate's terms as recorded so far, kept as its amendments are recorded, so that
 * numbering the next one (`numberedChanges`) reads what it needs without folding every
 * earlier amendment again: a mandate amended k times cost O(k²). It keeps the terms' periods,
 * the clause numbers used and the latest effectiveFrom, after which an amendment is not
 * backdated. Owned by the one fold that records into it (mandateHistoryRows, the
 * mandate-history projection).
 */
export class RecordedTermsFold {
  private readonly amendments: DatedChanges[] = [];
  private used: ClauseNumbersUsed;
  private latestEffective: IsoDate | undefined;
  private periodsSoFar: ReadonlyArray<TermsPeriod>;

  constructor(private readonly granted: MandateTerms) {
    this.used = clauseNumbersUsed({ granted, amendments: [] });
    this.periodsSoFar = termsPeriods(granted, []);
  }

  /** The fold of terms recorded earlier, their amendments numbered already. */
  static of({ granted, amendments }: RecordedTerms): RecordedTermsFold {
    const fold = new RecordedTermsFold(granted);
    for (const amendment of amendments) fold.add(amendment);
    return fold;
  }

  /** The terms over valid time as recorded so far (`termsPeriods`). */
  get periods(): ReadonlyArray<TermsPeriod> {
    return this.periodsSoFar;
  }

  /**
   * Numbers an amendment against the terms recorded so far, as `numberedChanges` does, and
   * records it. `termsBefore`: the terms in force on its effectiveFrom as known before it.
   */
  amend(
    effectiveFrom: IsoDate,
    changes: MandateChanges,
    order: number,
  ): { readonly changes: NumberedChanges; readonly termsBefore: MandateTerms } {
    const termsBefore = this.periodsSoFar[periodIndexOn(this.periodsSoFar, effectiveFrom)]!.terms;
    const numbered = numberedAgainst(termsBefore, this.used, changes);
    this.add({ effectiveFrom, changes: numbered, order });
    return { changes: numbered, termsBefore };
  }

  private add(amendment: DatedChanges): void {
    this.used = withClauseNumbersOf(this.used, amendment.changes);
    const backdated = this.latestEffective !== undefined && this.latestEffective > amendment.effectiveFrom;
    if (!backdated) this.latestEffective = amendment.effectiveFrom;
    this.amendments.push(amendment);
    this.periodsSoFar = backdated
      ? termsPeriods(this.granted, this.amendments)
      : withLaterAmendment(this.periodsSoFar, amendment);
  }
}
