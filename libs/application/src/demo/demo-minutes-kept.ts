import { type Principal, initiativeDecider, initiativeStream, meetingDecider, meetingStream } from "#domain";
import { EventStore } from "#event-store";
import { Effect } from "effect";
import { amendMandate } from "../commands/initiative/mandate-commands.js";
import { adjustMinutes, appointMeetingOfficers, completeNextStep, planMeeting } from "../commands/meeting/commands.js";
import { registerDecision, registerMinutes } from "../commands/registration/commands.js";
import { loadState } from "../read-state.js";
import { DEMO_FOCUS_AREA, type DemoCast } from "./demo-cast.js";
import type { DemoRunner } from "./demo-runner.js";

/**
 * The meetings kept as Swedish minutes (docs/domain.md "Meetings as minutes"): who chaired,
 * kept and adjusted them, their registration numbers, the next steps followed up, a
 * delegation decision between meetings, and the next meeting planned. People stay
 * pseudonymous: the chair is "Deltagare Västerås 1", the secretary "Deltagare Västerås 2",
 * the adjusters of September "Deltagare Eskilstuna 1" and "Deltagare MDU 1".
 */
const asMember = (id: string): Principal => ({ id, roles: ["core-team"] });

/** The demo people the minutes need: the chair acts; the Core Team holds the secretary and adjusters. */
type Members = Pick<DemoCast, "chair" | "coreTeam">;

const officersOf = ({ coreTeam }: Members, adjusters: readonly [number, number]) => ({
  chairId: coreTeam[0]!.id,
  secretaryId: coreTeam[1]!.id,
  adjusterIds: [coreTeam[adjusters[0]]!.id, coreTeam[adjusters[1]]!.id] as [string, string],
});

/** At the meeting: the chair, the secretary and the two adjusters of the minutes are named. */
export const appointOfficers = ({ run }: DemoRunner, cast: Members, meetingId: string, adjusters: readonly [number, number]) =>
  run(appointMeetingOfficers, { meetingId, ...officersOf(cast, adjusters) }, cast.chair);

/**
 * The two adjusters adjust the minutes, each as themselves, which approves them; then the
 * minutes and their decisions get registration numbers in the deployment's series.
 */
export const adjustAndRegister = ({ run }: DemoRunner, cast: Members, meetingId: string, adjusters: readonly [number, number]) =>
  Effect.gen(function* () {
    const { adjusterIds } = officersOf(cast, adjusters);
    for (const adjusterId of adjusterIds) yield* run(adjustMinutes, { meetingId }, asMember(adjusterId));
    const { state } = yield* loadState(yield* EventStore, meetingStream(meetingId), meetingDecider);
    // The demo's history is fixed: minutes left unapproved here mean it drifted, which must not pass quietly.
    if (state.status !== "approved") return yield* Effect.dieMessage(`The demo's minutes of ${meetingId} were not approved`);
    const decisionIds = [...state.decisions.keys()];
    for (const decisionId of decisionIds) yield* run(registerDecision, { meetingId, decisionId }, cast.chair);
    yield* run(registerMinutes, { meetingId }, cast.chair);
  });

/** The September meeting's next steps were all done by the November meeting, which took them up. */
export const completeSeptemberSteps = ({ run }: DemoRunner, cast: Members, september: string, doneOn: string) =>
  Effect.gen(function* () {
    const { state } = yield* loadState(yield* EventStore, meetingStream(september), meetingDecider);
    if (state.status !== "approved") return yield* Effect.dieMessage(`The demo's September minutes were not approved`);
    const open = [...state.nextSteps].filter(([, status]) => status === "open");
    for (const [nextStepId] of open) yield* run(completeNextStep, { meetingId: september, nextStepId, on: doneOn }, cast.chair);
  });

/**
 * Yesterday the chair widened Drömfabriken's principles between meetings, a delegation
 * decision with no meeting decision behind it; the next meeting, planned two weeks ahead,
 * has its report on the agenda with the open item it came from, and its officers named.
 */
export const loadNextMeeting = (runner: DemoRunner, cast: DemoCast) =>
  Effect.gen(function* () {
    const { run, idOf, timeline } = runner;
    const day = (daysFromToday: number) => timeline.daysFromToday(daysFromToday);
    timeline.on(day(-1));
    const { initiatives, chair } = cast;
    const { state } = yield* loadState(yield* EventStore, initiativeStream(initiatives.dromfabriken), initiativeDecider);
    const mandateId = state.status === "unregistered" ? undefined : [...state.mandates.keys()].at(-1);
    if (mandateId === undefined) return yield* Effect.dieMessage("The demo's Drömfabriken has no mandate to change");
    const delegated = yield* run(
      amendMandate,
      {
        initiativeId: initiatives.dromfabriken,
        mandateId,
        changes: {
          principles: ["Barnens idéer först", "Pröva smått innan vi skalar upp", "Föräldrar bjuds in till projektens avslutning"],
        },
        reason: "Ordförandebeslut mellan mötena; anmäls vid nästa möte.",
        effectiveFrom: day(-1),
      },
      chair,
    );
    const nextMeeting = yield* idOf(
      planMeeting,
      {
        body: "core-team",
        focusArea: DEMO_FOCUS_AREA,
        plannedOn: day(14),
        agenda: [
          { title: "Uppdateringar" },
          {
            title: "Anmälan av delegationsbeslut: Drömfabrikens principer",
            source: { delegationDecision: { initiativeId: initiatives.dromfabriken, revision: delegated.revision } },
          },
          { title: "Utvärderingen av Testbädd Årby/Fröslunda" },
          { title: "Nästa steg" },
        ],
      },
      chair,
    );
    yield* appointOfficers(runner, cast, nextMeeting, [2, 7]);
  });
