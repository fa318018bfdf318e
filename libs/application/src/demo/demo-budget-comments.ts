import { type BudgetEvent, type InitiativeEvent, budgetStream, initiativeStream } from "#domain";
import { EventStore } from "#event-store";
import { Effect } from "effect";
import {
  changeExternalFundingStatus,
  proposeBudget,
  recordContributionInKind,
  recordExternalFunding,
  recordValueReflection,
} from "../commands/budget/commands.js";
import { recordIndicatorReading } from "../commands/initiative/indicator-reading-commands.js";
import { DEMO_FOCUS_AREA, type DemoCast, type DemoInitiative } from "./demo-cast.js";
import type { DemoRunner } from "./demo-runner.js";

/** The id of the 2025 budget line that funds `initiativeId`, as the proposal set it. */
const lineOf2025 = (initiativeId: string) =>
  Effect.gen(function* () {
    const events = (yield* (yield* EventStore).readStream(
      budgetStream(DEMO_FOCUS_AREA, 2025),
    )) as unknown as ReadonlyArray<BudgetEvent>;
    const lines = events.flatMap((event) => ("lines" in event.data ? [event.data.lines] : [])).at(-1) ?? [];
    const line = lines.find((candidate) => candidate.initiativeId === initiativeId);
    if (!line) return yield* Effect.dieMessage(`The demo's 2025 budget has no line for ${initiativeId}`);
    return line.lineId;
  });

/**
 * What the fifth budget comment of 19 September ("how should external funding be seen?")
 * looks like a year on: funding applied for, granted or rejected, each on the budget line of
 * the initiative it goes to. Runs after the history's last day (2025-06-15) and before the
 * present day (at least 90 days before the load day, so 2025-07-03 at the earliest).
 */
export const loadExternalFundingStatus = ({ run, idOf, timeline }: DemoRunner, { chair, initiatives }: DemoCast) =>
  Effect.gen(function* () {
    const budget = { focusArea: DEMO_FOCUS_AREA, year: 2025 };
    const applyFor = (key: DemoInitiative, source: string, amountSek: number, on: string) =>
      Effect.flatMap(lineOf2025(initiatives[key]), (lineId) =>
        idOf(
          recordExternalFunding,
          { ...budget, source, amountSek, initiativeId: initiatives[key], lineId, status: "applied", on },
          chair,
        ),
      );

    timeline.on("2025-06-16");
    const arvsfonden = yield* applyFor("dromfabriken", "Allmänna arvsfonden", 400_000, "2025-05-20");
    const vinnova = yield* applyFor("utmaningsdriven", "Vinnova, utmaningsdriven innovation", 250_000, "2025-03-03");

    timeline.on("2025-06-30");
    yield* run(
      changeExternalFundingStatus,
      { ...budget, fundingId: arvsfonden, status: "granted", amountSek: 300_000, on: "2025-06-26" },
      chair,
    );
    yield* run(changeExternalFundingStatus, { ...budget, fundingId: vinnova, status: "rejected", on: "2025-06-27" }, chair);
  });

/** The organisation that carries an initiative: the first it was registered with. */
const carrierOf = (initiativeId: string) =>
  Effect.gen(function* () {
    const [registered] = (yield* (yield* EventStore).readStream(
      initiativeStream(initiativeId),
    )) as unknown as ReadonlyArray<InitiativeEvent>;
    const carrier = registered?.type === "InitiativeRegistered" ? registered.data.organisationIds[0] : undefined;
    return carrier ?? (yield* Effect.dieMessage(`No initiative ${initiativeId} in the demo`));
  });

/**
 * What the fourth budget comment said ("the real budget is much larger if the salaries of
 * everyone engaged were counted"), as numbers: the staff time each organisation gave in the
 * spring term of 2025, recorded on 1 July 2025 (after the funding decisions of June, before
 * the present day).
 */
export const loadContributionsInKind = ({ run, timeline }: DemoRunner, { chair, initiatives }: DemoCast) =>
  Effect.gen(function* () {
    const budget = { focusArea: DEMO_FOCUS_AREA, year: 2025 };
    const dromfabriken = yield* carrierOf(initiatives.dromfabriken);
    const arby = yield* carrierOf(initiatives.arby);
    const mdu = yield* carrierOf(initiatives.utmaningsdriven);
    const spring = { periodFrom: "2025-01-07", periodTo: "2025-06-13" };
    const contributions = [
      {
        organisationId: dromfabriken,
        initiativeId: initiatives.dromfabriken,
        hours: 480,
        valueSek: 288_000,
        note: "Fritidsledare två kvällar i veckan",
      },
      {
        organisationId: arby,
        initiativeId: initiatives.arby,
        hours: 620,
        valueSek: 372_000,
        note: "Lärare och socialsekreterare i testbädden",
      },
      {
        organisationId: mdu,
        initiativeId: initiatives.utmaningsdriven,
        hours: 300,
        valueSek: 210_000,
        note: "Lärare som handleder studenterna",
      },
      { organisationId: dromfabriken, hours: 120, valueSek: 84_000, note: "Kärnteamets möten och förberedelser" },
    ];
    timeline.on("2025-07-01");
    for (const contribution of contributions)
      yield* run(recordContributionInKind, { ...budget, ...spring, ...contribution }, chair);
  });

/** The initiative's first goal, as the demo set it. */
const firstGoalOf = (initiativeId: string) =>
  Effect.gen(function* () {
    const events = (yield* (yield* EventStore).readStream(
      initiativeStream(initiativeId),
    )) as unknown as ReadonlyArray<InitiativeEvent>;
    const goal = events.find((event) => event.type === "GoalSet");
    return goal?.type === "GoalSet" ? goal.data.goalId : yield* Effect.dieMessage(`No goal of ${initiativeId} in the demo`);
  });

/**
 * What the second budget comment asked ("how do we know the money gives value?"): readings
 * of Drömfabriken's goal over the spring, recorded by its lead, and a reflection that cites
 * the goal and the readings. Recorded on 1 July 2025, after the contributions.
 */
export const loadIndicatorReadings = ({ run, idOf, timeline }: DemoRunner, { chair, initiatives, lead }: DemoCast) =>
  Effect.gen(function* () {
    const initiativeId = initiatives.dromfabriken;
    const goalId = yield* firstGoalOf(initiativeId);
    timeline.on("2025-07-01");
    const readingIds: string[] = [];
    for (const [value, on] of [
      [18, "2025-02-03"],
      [26, "2025-04-07"],
      [34, "2025-06-09"],
    ] as const) {
      const reading = { initiativeId, goalId, value, unit: "barn per vecka", on, note: "Räknat vid kvällsöppet" };
      readingIds.push(yield* idOf(recordIndicatorReading, reading, lead("dromfabriken")));
    }
    yield* run(
      recordValueReflection,
      {
        focusArea: DEMO_FOCUS_AREA,
        year: 2025,
        initiativeId,
        reflection:
          "Antalet barn som kommer varje vecka har nästan fördubblats under våren; målet om en mötesplats för fler barn närmar sig.",
        valueRating: 4,
        on: "2025-07-01",
        goalIds: [goalId],
        readingIds,
      },
      chair,
    );
  });

/**
 * What the first budget comment asked for ("how does the budget relate to earlier years?"):
 * next year's budget, proposed yesterday, reads with the approved 2025 budget beside it.
 * Runs after the present day, on the day before the demo is loaded: the latest day whose
 * steps (from 08:00 UTC) always lie before the instant of loading.
 */
export const loadNextYearsBudget = ({ run, timeline }: DemoRunner, { chair, initiatives }: DemoCast) =>
  Effect.gen(function* () {
    const yesterday = timeline.daysFromToday(-1);
    timeline.on(yesterday);
    yield* run(
      proposeBudget,
      {
        focusArea: DEMO_FOCUS_AREA,
        year: Number(timeline.today.slice(0, 4)) + 1,
        lines: [
          { purpose: "Drömfabriken i Skultuna", initiativeId: initiatives.dromfabriken, amountSek: 200_000 },
          { purpose: "Testbädd Årby/Fröslunda", initiativeId: initiatives.arby, amountSek: 240_000 },
          { purpose: "Utmaningsdriven utbildning", initiativeId: initiatives.utmaningsdriven, amountSek: 60_000 },
          { purpose: "Gemensam samordning och kärnteamets möten", amountSek: 80_000 },
        ],
      },
      chair,
    );
  });
