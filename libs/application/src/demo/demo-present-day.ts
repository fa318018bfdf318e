import { Effect } from "effect";
import type { InputOf } from "../command-spec.js";
import { holdCheckIn } from "../commands/initiative/initiative-commands.js";
import { grantMandate, renewMandate } from "../commands/initiative/mandate-commands.js";
import { agreeNextStep, approveMinutes, holdMeeting, recordDecision } from "../commands/meeting/commands.js";
import { endCoreTeamMembership, erasePerson } from "../commands/person/commands.js";
import { submitSignal } from "../commands/signal/commands.js";
import { raiseTension } from "../commands/tension/commands.js";
import { DEMO_FOCUS_AREA, type DemoCast, type DemoInitiative } from "./demo-cast.js";
import type { DemoRunner } from "./demo-runner.js";

/**
 * The earliest day the demo can be loaded on: its present day starts 90 days before the day
 * it is loaded, which must come after the history's last day (2025-06-15) and after the
 * first mandates ended (2025-06-30), or the new ones would overlap them.
 */
export const PRESENT_DAY_EARLIEST = "2025-10-01";

/**
 * The demo from the last months up to the day it is loaded, dated from that day, so that a
 * newcomer finds a living collaboration whenever they start it: today Drömfabriken has a
 * mandate in force for about a year more, Årby/Fröslunda's ends within 30 days (renewed
 * once, briefly, until its evaluation), and Utmaningsdriven utbildning has none (the Core
 * Team waits for its new goal picture). A member who left the Core Team is erased; every
 * initiative had a check-in within its 42-day cadence.
 */
export const loadPresentDay = ({ run, idOf, timeline }: DemoRunner, cast: DemoCast) =>
  Effect.gen(function* () {
    const { chair, system, coreTeam, initiatives, leadIds, lead } = cast;
    const day = (daysFromToday: number) => timeline.daysFromToday(daysFromToday);
    const on = (daysFromToday: number) => timeline.on(day(daysFromToday));
    const leaving = coreTeam.find((member) => member.name === "Frånvarande 2")!;
    const remaining = coreTeam.filter((member) => member.id !== leaving.id);
    const absent = remaining.filter((member) => member.name === "Frånvarande 1");
    const present = remaining.filter((member) => member.name !== "Frånvarande 1");

    on(-90);
    yield* run(endCoreTeamMembership, { personId: leaving.id, focusArea: DEMO_FOCUS_AREA, on: day(-90) }, system);

    // Twelve weeks ago: new mandates for two initiatives; the third waits for its goal picture.
    on(-84);
    const mandateMeeting = yield* idOf(
      holdMeeting,
      {
        body: "core-team",
        focusArea: DEMO_FOCUS_AREA,
        heldOn: day(-84),
        attendees: present.map((member) => member.id),
        absentees: absent.map((member) => member.id),
        agenda: ["Nya mandat för initiativen", "Utmaningsdriven utbildning: målbild och mandat", "Nästa steg"],
      },
      chair,
    );
    const newMandates = yield* idOf(
      recordDecision,
      {
        meetingId: mandateMeeting,
        subject: "Nya mandat",
        decision: `Drömfabriken i Skultuna får mandat till och med ${day(281)}; Testbädd Årby/Fröslunda till och med ${day(-14)} i väntan på en utvärdering.`,
        kind: "mandate",
      },
      chair,
    );
    yield* run(
      recordDecision,
      {
        meetingId: mandateMeeting,
        subject: "Utmaningsdriven utbildning",
        decision: "Initiativet får nytt mandat när målbilden är omarbetad tillsammans med skolorna.",
        kind: "other",
      },
      chair,
    );
    const decision = { meetingId: mandateMeeting, decisionId: newMandates };
    yield* run(
      grantMandate,
      {
        initiativeId: initiatives.dromfabriken,
        scope: [
          "Driva mötesplatsen och dess program",
          "Samarbeta med föreningar i Skultuna",
          "Låta barnens projekt löpa över terminsgränsen",
        ],
        boundaries: ["Inga nya anställningar", "Lokalfrågor beslutas av förvaltningen"],
        principles: ["Barnens idéer först", "Pröva smått innan vi skalar upp"],
        steering: "broad",
        validFrom: day(-84),
        validUntil: day(281),
        budgetSek: 180_000,
        decision,
      },
      chair,
    );
    const arbyMandate = yield* idOf(
      grantMandate,
      {
        initiativeId: initiatives.arby,
        scope: ["Pröva gemensamma arbetssätt mellan skola, fritid och socialtjänst", "Utvärdera arbetssätten"],
        boundaries: ["Ändrar inte skolornas organisation", "Myndighetsbeslut ligger kvar i linjen"],
        principles: ["Elevens hela dag i fokus"],
        steering: "detailed",
        validFrom: day(-84),
        validUntil: day(-14),
        budgetSek: 120_000,
        decision,
      },
      chair,
    );
    yield* run(
      agreeNextStep,
      {
        meetingId: mandateMeeting,
        text: "Målbilden för Utmaningsdriven utbildning omarbetas tillsammans med skolorna.",
        ownerId: leadIds.utmaningsdriven,
        due: day(14),
      },
      chair,
    );
    on(-77);
    yield* run(approveMinutes, { meetingId: mandateMeeting }, chair);

    on(-60);
    yield* run(
      submitSignal,
      {
        initiativeId: initiatives.utmaningsdriven,
        kind: "need",
        summary: "Skolorna vill ha studentgrupper nästa termin, men initiativet saknar mandat.",
        mandatePosition: "beyond",
        observedOn: day(-60),
      },
      lead("utmaningsdriven"),
    );

    // The member who left asked to be forgotten: the history stays, the name does not.
    on(-45);
    yield* run(erasePerson, { personId: leaving.id }, system);

    const checkIn = (
      key: DemoInitiative,
      daysFromToday: number,
      ratings: readonly [clarity: number, confidence: number],
      leadershipNeeded: InputOf<typeof holdCheckIn>["leadershipNeeded"],
      notes: string,
    ) => {
      on(daysFromToday);
      return run(
        holdCheckIn,
        {
          initiativeId: initiatives[key],
          heldOn: day(daysFromToday),
          participants: [leadIds[key], coreTeam[key === "arby" ? 4 : key === "utmaningsdriven" ? 6 : 0]!.id],
          mandateClarity: ratings[0],
          confidence: ratings[1],
          leadershipNeeded,
          notes,
        },
        lead(key),
      );
    };
    yield* checkIn(
      "utmaningsdriven",
      -30,
      [2, 3],
      "more-direction",
      "Vi väntar på nytt mandat; skolorna frågar efter studentgrupper.",
    );

    // Three weeks ago: Årby/Fröslunda's mandate is renewed briefly, and the Core Team names
    // a tension of its own.
    on(-21);
    const evaluationMeeting = yield* idOf(
      holdMeeting,
      {
        body: "core-team",
        focusArea: DEMO_FOCUS_AREA,
        heldOn: day(-21),
        attendees: present.map((member) => member.id),
        absentees: absent.map((member) => member.id),
        agenda: ["Utvärderingen av Testbädd Årby/Fröslunda", "Kärnteamets arbetssätt"],
      },
      chair,
    );
    const extension = yield* idOf(
      recordDecision,
      {
        meetingId: evaluationMeeting,
        subject: "Årby/Fröslundas mandat",
        decision: `Mandatet förlängs till och med ${day(30)} så att utvärderingen hinner bli klar.`,
        kind: "mandate",
      },
      chair,
    );
    yield* run(
      renewMandate,
      {
        initiativeId: initiatives.arby,
        mandateId: arbyMandate,
        validUntil: day(30),
        decision: { meetingId: evaluationMeeting, decisionId: extension },
      },
      chair,
    );
    yield* run(
      raiseTension,
      {
        initiativeIds: [],
        category: "resources",
        description: "Kärnteamet hinner inte möta initiativen så ofta som vi bestämde hösten 2024.",
        intensity: 3,
        raisedOn: day(-21),
        source: { meetingId: evaluationMeeting },
      },
      chair,
    );
    yield* run(
      agreeNextStep,
      {
        meetingId: evaluationMeeting,
        text: "Utvärderingen av Testbädd Årby/Fröslunda redovisas för kärnteamet.",
        ownerId: leadIds.arby,
        due: day(25),
      },
      chair,
    );
    yield* checkIn("dromfabriken", -20, [4, 4], "as-is", "Höstens projekt löper vidare över terminsgränsen som mandatet medger.");
    on(-14);
    yield* run(approveMinutes, { meetingId: evaluationMeeting }, chair);
    yield* checkIn("arby", -10, [3, 3], "more-direction", "Utvärderingen pågår; mandatet löper snart ut.");
  });
