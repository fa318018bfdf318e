import { type SealedText, allEvents, calendarDate } from "#domain";
import { type RecordedEvent, verifyStore } from "#event-store";
import { ERASED_PERSON_NAME, readPersonalData } from "#privacy";
import { Cause, Effect, Exit } from "effect";
import { describe, expect, it } from "vitest";
import { useCommandRuntime } from "../../testing/command-runtime.js";
import { loadDemoHistory } from "./demo-history.js";
import { fixedClock } from "./fixed-clock.js";

const runtime = useCommandRuntime();

/** The demo as loaded at `instant`: its present-day part is dated from that day. */
const loadAt = (instant: string) => runtime.runtime.runPromise(Effect.withClock(loadDemoHistory, fixedClock(new Date(instant))));
const LOADED_AT = "2026-03-10T12:00:00.000Z";

const allRecorded = () => Effect.runPromise(runtime.store.readAll());
const stockholmDay = (event: RecordedEvent) => calendarDate(new Date(event.recordedAt));
const dataOf = <Data>(event: RecordedEvent | undefined) => event!.data as Data;

describe("the demo history", () => {
  it("is built through the real pipeline: every event valid, the log whole", async () => {
    const summary = await runtime.runtime.runPromise(loadDemoHistory);
    const events = await allRecorded();
    expect(summary.commands).toBe(events.length);
    for (const event of events) {
      expect(allEvents[event.type as keyof typeof allEvents].schema.safeParse(event.data).success).toBe(true);
    }
    expect(await Effect.runPromise(verifyStore(runtime.store, { densePositions: runtime.store.densePositions }))).toEqual({
      ok: true,
      checkedEvents: events.length,
    });
  });

  it("is recorded on the days it happened, from January 2024 to before the instant it is loaded, never backwards", async () => {
    const summary = await loadAt(LOADED_AT);
    expect(summary.loadedOn).toBe("2026-03-10");
    const events = await allRecorded();
    const recorded = events.map((event) => event.recordedAt);
    expect(recorded).toEqual([...recorded].sort());
    expect(new Set(recorded).size).toBe(recorded.length);
    expect(recorded[0]!.slice(0, 10)).toBe("2024-01-15");
    expect(recorded.at(-1)! < LOADED_AT).toBe(true);

    const meeting = events.filter((event) => event.streamId === `meeting-${summary.meetingId}`);
    // The minutes as kept on the day, the officers named; adjusted a week later, the next steps done in November.
    const later = ["MinutesAdjusted", "NextStepCompleted"];
    const onTheDay = meeting.filter((event) => !later.includes(event.type));
    expect(onTheDay.map(stockholmDay)).toEqual(Array(onTheDay.length).fill("2024-09-19"));
    // Dated "today" by the pipeline: the day the step was recorded on.
    const adjusted = meeting.filter((event) => event.type === "MinutesAdjusted");
    expect(adjusted.map((event) => dataOf<{ on: string }>(event).on)).toEqual(["2024-09-26", "2024-09-26"]);
    const done = meeting.filter((event) => event.type === "NextStepCompleted");
    expect(done.map(stockholmDay)).toEqual(["2024-11-14", "2024-11-14", "2024-11-14", "2024-11-14"]);
  });

  it("records Drömfabriken's amendment at the November meeting, weeks after the day it took effect", async () => {
    const { initiatives } = await loadAt(LOADED_AT);
    const stream = await Effect.runPromise(runtime.store.readStream(`initiative-${initiatives.dromfabriken}`));
    const amended = stream.find((event) => event.type === "MandateAmended")!;
    expect(dataOf<{ effectiveFrom: string }>(amended).effectiveFrom).toBe("2024-10-15");
    expect(stockholmDay(amended)).toBe("2024-11-14");
    const signals = (await allRecorded()).filter((event) => event.type === "SignalAnswered");
    expect(signals.map(stockholmDay)).toEqual(["2024-11-14", "2024-11-14", "2024-11-14"]);
    // The answer that adjusted the mandate cites this amendment, which names its signal as trigger.
    const adjusted = signals.find((event) => dataOf<{ outcome: string }>(event).outcome === "mandate-adjusted")!;
    expect(dataOf<{ followUp: unknown }>(adjusted).followUp).toEqual({
      mandateId: dataOf<{ mandateId: string }>(amended).mandateId,
      amendment: amended.revision,
    });
    expect(dataOf<{ triggeredBy: unknown }>(amended).triggeredBy).toEqual({
      signalId: adjusted.streamId.replace(/^signal-/, ""),
    });
  });

  it("reaches the day it is loaded: one mandate runs on, one ends within 60 days, one initiative has none", async () => {
    const { initiatives } = await loadAt(LOADED_AT);
    const validUntil = async (initiativeId: string) => {
      const stream = await Effect.runPromise(runtime.store.readStream(`initiative-${initiativeId}`));
      // The mandate granted last, with its end as last renewed.
      const granted = stream.filter((event) => event.type === "MandateGranted").at(-1)!;
      const { mandateId, validFrom } = dataOf<{ mandateId: string; validFrom: string }>(granted);
      const ends = stream
        .filter((event) => ["MandateGranted", "MandateRenewed"].includes(event.type))
        .map((event) => dataOf<{ mandateId: string; validUntil: string }>(event))
        .filter((data) => data.mandateId === mandateId);
      return { validFrom, validUntil: ends.at(-1)!.validUntil };
    };
    const today = "2026-03-10";
    const dromfabriken = await validUntil(initiatives.dromfabriken);
    expect(dromfabriken.validFrom <= today && dromfabriken.validUntil > "2026-05-09").toBe(true);
    const arby = await validUntil(initiatives.arby);
    expect(arby).toEqual({ validFrom: "2025-12-16", validUntil: "2026-04-09" });
    expect((await validUntil(initiatives.utmaningsdriven)).validUntil).toBe("2025-06-30");
  });

  it("retells the meeting of 2024-09-19: agenda, attendance, the budget decision with its five comments", async () => {
    const { meetingId } = await runtime.runtime.runPromise(loadDemoHistory);
    const meeting = await Effect.runPromise(runtime.store.readStream(`meeting-${meetingId}`));
    const held = meeting[0]!.data as { heldOn: string; attendees: string[]; absentees: string[]; agenda: string[] };
    expect(held.heldOn).toBe("2024-09-19");
    expect(held.attendees).toHaveLength(9);
    expect(held.absentees).toHaveLength(2);
    expect(held.agenda).toHaveLength(4);
    const decisions = meeting.filter((e) => e.type === "DecisionRecorded").map((e) => e.data as { kind: string });
    expect(decisions).toEqual([expect.objectContaining({ kind: "budget" })]);
    const budgetComments = meeting.filter(
      (e) => e.type === "CommentRecorded" && (e.data as { topic: string }).topic === "Budget 2025",
    );
    expect(budgetComments).toHaveLength(5);
    // Justerat: a chair, a secretary and two adjusters, both of whom adjusted; the decision under § 2.
    expect(meeting.filter((e) => e.type === "MeetingOfficersAppointed")).toHaveLength(1);
    expect(meeting.filter((e) => e.type === "MinutesAdjusted")).toHaveLength(2);
    expect(decisions).toEqual([expect.objectContaining({ paragraph: 2 })]);
    const all = await allRecorded();
    const raised = all.filter((e) => e.type === "TensionRaised").map((e) => e.data as { category: string; raisedOn: string });
    expect(raised.filter((t) => t.raisedOn === "2024-09-19").map((t) => t.category)).toEqual([
      "line-vs-collaboration",
      "between-organisations",
      "roles",
    ]);
    expect(all.some((e) => e.type === "BudgetApproved")).toBe(true);
  });

  it("names nobody: every person is pseudonymous, and the one who left the Core Team is erased", async () => {
    await runtime.runtime.runPromise(loadDemoHistory);
    const events = await allRecorded();
    const people = events.filter((e) => e.type === "PersonRegistered");
    expect(people.length).toBe(14);
    const names: string[] = [];
    for (const event of people) {
      const personId = event.streamId.slice("person-".length);
      const { name } = await Effect.runPromise(readPersonalData(runtime.keys, personId, event.data as { name: SealedText }));
      names.push(name);
    }
    for (const name of names) {
      expect(name).toMatch(/^(Deltagare (Västerås|Eskilstuna|MDU) \d|Frånvarande \d|Initiativledare .+|Raderad person .*)$/);
    }
    expect(names.filter((name) => name === ERASED_PERSON_NAME)).toHaveLength(1);
    expect(events.filter((e) => e.type === "PersonErased")).toHaveLength(1);
  });

  it("goes only into an empty log, and only on a day after its history", async () => {
    const early = await runtime.runtime.runPromiseExit(
      Effect.withClock(loadDemoHistory, fixedClock(new Date("2025-09-01T12:00:00Z"))),
    );
    expect(Exit.isFailure(early) && Cause.pretty(early.cause)).toMatch(/needs a clock on 2025-10-01 or later/);
    expect(await runtime.headPosition()).toBe(0);
    await runtime.runtime.runPromise(loadDemoHistory);
    const again = await runtime.runtime.runPromiseExit(loadDemoHistory);
    expect(Exit.isFailure(again) && Cause.pretty(again.cause)).toMatch(/only into an empty log/);
  });
});
