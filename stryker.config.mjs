// `npm run mutation`: mutation testing of the domain's deciders and folds. Each mutant
// (a flipped condition, a deleted case, an emptied block) must make a domain spec fail;
// a survivor is a rule or a fold no test pins down. Not part of `npm test` (about ten
// minutes on two cores); the report lands in reports/mutation/mutation.html.
//
// Equivalent mutants: they survive because no outcome can tell them from the code, so they
// stay in the report as survivors and are known here (by the code they change, not by line).
// A new survivor that is not in this list needs a test, or an entry with its reason.
//
//   budget/evolve.ts      `status: "proposed"` -> `""`: decide tells only "unproposed" and
//                         "approved" apart.
//                         withFunding: `fundingId === undefined ? undefined : change(...)` -> the
//                         change, and `fundingId === undefined || changed === undefined` -> false
//                         or `&&`: a funding filed under an undefined id, or an undefined one filed
//                         under its id, reads as no funding, as before.
//   initiative/decide.ts  GrantMandate `data.validUntil !== undefined &&` -> `true &&`, and
//                         HoldCheckIn `data.nextCheckInOn !== undefined &&` -> `true &&`:
//                         `undefined <= date` is false.
//                         GrantMandate `data.validUntil === undefined ? { from } : { from, until }`
//                         -> always the second: `until: undefined` reads as open-ended.
//                         RenewMandate `.filter((other) => other.mandateId !== mandate.mandateId)`
//                         dropped or `-> true`: the mandate's own days end the day before its
//                         extension begins, so it never overlaps it.
//   initiative/evolve.ts  `status: "open"` -> `""`: no rule compares "open" (decide asks for
//                         "unregistered" and "closed").
//                         evolveRegistered `case "InitiativeRegistered"` -> `""` or emptied:
//                         evolveInitiative handles the registration first; the case is there
//                         for the exhaustive switch.
//                         MandateGranted `validUntil === undefined ? {} : { validUntil }` -> always
//                         the second: an absent and an undefined validUntil read alike.
//                         `case "CheckInHeld": return state` emptied: it falls into
//                         GoverningContextLinked, which files a context under undefined ids that
//                         no command can name.
//   initiative/mandate-validity.ts  daysInForce: `dayBeforeRevocation === undefined` -> false
//                         (the other branch then picks the same undefined or validUntil);
//                         `dayBeforeRevocation < mandate.validUntil` -> `<=` (equal, both
//                         branches give the same day); `until !== undefined &&` -> `true &&`
//                         (`undefined < date` is false); `until === undefined ? { from } :
//                         { from, until }` -> always the second (`until: undefined` is open-ended).
//   initiative/mandate-terms.ts  inValidTimeOrder `a.effectiveFrom < b.effectiveFrom` -> `<=`: equal
//                         days are ordered by the branch before it, so `<=` only sees unequal ones.
//   initiative/mandate-history.ts  daysClaimed `until !== undefined &&` -> `true &&` (`undefined <
//                         date` is false). `backdated`: `.some(...)` -> `() => true` and `>` -> `>=`:
//                         folding every amendment again gives the same periods as withLaterAmendment
//                         for one on or after all the others (same day: it is the last recorded).
//                         firstDayChanged: within's `day !== undefined &&` -> `true &&` (undefined
//                         comes back, or `undefined <= until` is false); `notInForceFrom ===
//                         undefined ? undefined :` -> false (`later(undefined, from)` is undefined,
//                         and within gives undefined back). later `a < b` -> `<=` and earlier
//                         `a < b` -> `<=` (equal days: either is the answer); earlier `a ===
//                         undefined ?` -> false (`undefined < b` is false, so b; both undefined, a).
//   meeting/evolve.ts     MeetingOfficersAppointed `state.status === "not-held" ?` -> false or
//                         `=== ""`: officers filed on a meeting never planned nor held are dropped by
//                         MeetingPlanned (a new state) and MeetingHeld (keeps a planned one's only),
//                         and not-held refuses every command but PlanMeeting and HoldMeeting.
//   organisation/evolve.ts  the guards `state.status === "registered"` of GoverningContextMapped
//                         and ...Retired -> true: what is filed before the registration is dropped
//                         by it, and an unregistered organisation refuses every command first.
//   person/evolve.ts      the guards `state.status === "unregistered"` of CoreTeamMembership-
//                         Started and ...Ended -> false or `=== ""`: the status stays
//                         "unregistered", which refuses every command; the registration starts afresh.
//
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner", "./stryker-ignore-unreachable.mjs"],
  ignorers: ["unreachable-default"],
  vitest: { configFile: "vitest.mutation.config.ts" },
  // Per-test coverage: each mutant runs only the specs that reach it.
  coverageAnalysis: "perTest",
  // A mutant reached only while a spec file loads (a fold at the top of a spec) would need every
  // spec rerun in a fresh environment, which takes most of the time; those are left out and
  // counted as ignored. One also reached inside a test runs that test, with the mutant active.
  ignoreStatic: true,
  mutate: [
    "libs/domain/src/*/decide.ts",
    "libs/domain/src/*/evolve.ts",
    "libs/domain/src/initiative/mandate-validity.ts",
    "libs/domain/src/initiative/mandate-terms.ts",
    // The one reading of a mandate's history (issue 19).
    "libs/domain/src/initiative/mandate-history.ts",
  ],
  // html to read; json (reports/mutation/mutation.json) for scores per file.
  reporters: ["clear-text", "progress", "html", "json"],
  // The sandbox needs the sources and configs only, not builds or local data.
  ignorePatterns: ["dist", "data", "bench/results", "coverage"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  timeoutMS: 10_000,
};
