import { addDays, dayInStockholm } from "../../i18n/format";
import type { Clause } from "../../api/types";
import { clauseChanges } from "../../components/clause-changes";
import type { ClauseTerm, StoryVersion } from "./types";

// The mandate's story worked out from its versions, apart from how it is shown: the day an
// instant falls on in Stockholm, the days each version's terms held, what an amendment changed
// clause by clause. Dates are `YYYY-MM-DD` (ISO, so they compare as strings).

/** Recorded after the day it took effect: a backdated change (a decision that applies from earlier). */
export const isBackdated = (version: StoryVersion): boolean => dayInStockholm(version.recordedAt) > version.effectiveFrom;

const earliest = (days: ReadonlyArray<string | null>): string | null =>
  days
    .filter((day): day is string => day !== null)
    .reduce<string | null>((first, day) => (first === null || day < first ? day : first), null);

/**
 * The days a version's terms were in force, as known now: from `effectiveFrom` through the
 * first of the day before `supersededFrom`, `termsUntil`, the mandate's end (`validUntil`, the
 * day before `revokedFrom`). `until` null: open-ended, still in force. `claimedUntil`: the last
 * day it claimed when recorded (before later changes superseded part of it). A revocation
 * claims no day: `until` is the day before it (an empty band).
 */
export interface Band {
  readonly from: string;
  readonly until: string | null;
  readonly claimedUntil: string | null;
}

export function bandOf(version: StoryVersion): Band {
  const end = earliest([
    version.termsUntil,
    version.validUntil,
    version.revokedFrom === null ? null : addDays(version.revokedFrom, -1),
  ]);
  if (version.change === "revoked")
    return { from: version.effectiveFrom, until: addDays(version.effectiveFrom, -1), claimedUntil: null };
  const superseded = version.supersededFrom === null ? null : addDays(version.supersededFrom, -1);
  return { from: version.effectiveFrom, until: earliest([superseded, end]), claimedUntil: end };
}

/** The versions of one mandate, in the order recorded. */
export const versionsOf = (all: ReadonlyArray<StoryVersion>, mandateId: string): StoryVersion[] =>
  all.filter((version) => version.mandateId === mandateId).sort((a, b) => a.version - b.version);

/**
 * The terms an amendment changed from: of the versions recorded before it (not revocations),
 * the one that took effect last on or before its day (the later recorded of two on one day).
 * Its terms are those in force on that day as known when it was recorded.
 */
export function versionBefore(versions: ReadonlyArray<StoryVersion>, amendment: StoryVersion): StoryVersion | undefined {
  return versions
    .filter(
      (each) => each.version < amendment.version && each.change !== "revoked" && each.effectiveFrom <= amendment.effectiveFrom,
    )
    .reduce<StoryVersion | undefined>(
      (best, each) =>
        best === undefined ||
        each.effectiveFrom > best.effectiveFrom ||
        (each.effectiveFrom === best.effectiveFrom && each.version > best.version)
          ? each
          : best,
      undefined,
    );
}

export type { ClauseChange } from "../../components/clause-changes";

const PREFIX: Record<ClauseTerm, string> = { scope: "S", boundaries: "B", principles: "P" };

/** Each clause of a term an amendment restated, before and after, by clause id. */
export const termChanges = (
  before: ReadonlyArray<Clause>,
  after: ReadonlyArray<{ readonly id: string; readonly text: string }>,
  term: ClauseTerm,
) =>
  clauseChanges(
    before.filter((clause) => clause.id.startsWith(PREFIX[term])),
    after,
  );

/** The clause a signal cites, as the version before the change (or the change itself) words it. */
export const clauseText = (versions: ReadonlyArray<StoryVersion | undefined>, clauseId: string): string | undefined => {
  for (const version of versions) {
    const found = version?.clauses.find((clause) => clause.id === clauseId);
    if (found) return found.text;
  }
  return undefined;
};

export const TERMS_IN_ORDER: ReadonlyArray<ClauseTerm> = ["scope", "boundaries", "principles"];

/**
 * The first day, as known now, on which the mandate is in force but no version's own terms
 * hold: there the terms are several changes together (an amendment recorded later but taking
 * effect earlier than one recorded before it), which no single version states. Null when
 * every day in force is some version's. Open-ended mandates are looked at up to `today`.
 */
export function firstDayOfCombinedTerms(versions: ReadonlyArray<StoryVersion>, today: string): string | null {
  const latest = versions.at(-1);
  if (latest === undefined) return null;
  const end = earliest([latest.validUntil, latest.revokedFrom === null ? null : addDays(latest.revokedFrom, -1)]) ?? today;
  const held = versions
    .filter((version) => version.change !== "revoked")
    .map(bandOf)
    .map((band) => ({ from: band.from, until: band.until ?? today }))
    .filter((band) => band.until >= band.from)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let day = latest.validFrom;
  for (const band of held) {
    if (day > end) return null;
    if (band.from > day) return day;
    if (band.until >= day) day = addDays(band.until, 1);
  }
  return day <= end ? day : null;
}
