// The shapes of the API answers the budget page reads (docs/api.md "Budgets", "Initiatives"), only the fields it uses.

/** GET /budgets/{focusArea}/{year}. */
export interface Budget {
  readonly focusArea: string;
  readonly year: number;
  readonly status: "proposed" | "approved";
  readonly proposedTotalSek: number;
  readonly approvedTotalSek: number | null;
  readonly externalFundingTotalSek: number;
  readonly externalFundingAppliedSek: number;
  readonly contributionsInKindTotal: { readonly hours: number; readonly valueSek: number };
  readonly totalWithContributionsSek: number;
  readonly previousYears: ReadonlyArray<{ readonly year: number; readonly approvedTotalSek: number }>;
}

/** GET /initiatives: the focus area of each. */
export interface InitiativeInArea {
  readonly id: string;
  readonly focusArea: string;
}

/** GET /me: the focus areas whose Core Team the person is in. */
export interface MeWithCoreTeam {
  readonly coreTeam?: ReadonlyArray<string>;
}
