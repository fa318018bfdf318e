import { type SealedText, allEvents } from "#domain";
import { verifyStore } from "#event-store";
import { readPersonalData } from "#privacy";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { useCommandRuntime } from "../../testing/command-runtime.js";
import { loadDemoHistory } from "./demo-history.js";

const runtime = useCommandRuntime();

describe("the demo history", () => {
  it("is built through the real pipeline: every event valid, the log whole", async () => {
    const summary = await runtime.runtime.runPromise(loadDemoHistory);
    const events = await Effect.runPromise(runtime.store.readAll());
    expect(summary.commands).toBe(events.length);
    for (const event of events) {
      expect(allEvents[event.type as keyof typeof allEvents].schema.safeParse(event.data).success).toBe(true);
    }
    expect(await Effect.runPromise(verifyStore(runtime.store, { densePositions: runtime.store.densePositions }))).toEqual({
      ok: true,
      checkedEvents: events.length,
    });
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
    expect(meeting.at(-1)!.type).toBe("MinutesApproved");
    const all = await Effect.runPromise(runtime.store.readAll());
    expect(all.filter((e) => e.type === "TensionRaised").map((e) => (e.data as { category: string }).category)).toEqual([
      "line-vs-collaboration",
      "between-organisations",
      "roles",
    ]);
    expect(all.some((e) => e.type === "BudgetApproved")).toBe(true);
  });

  it("names nobody: every person is pseudonymous", async () => {
    await runtime.runtime.runPromise(loadDemoHistory);
    const people = (await Effect.runPromise(runtime.store.readAll())).filter((e) => e.type === "PersonRegistered");
    expect(people.length).toBe(14);
    for (const event of people) {
      const personId = event.streamId.slice("person-".length);
      const { name } = await Effect.runPromise(readPersonalData(runtime.keys, personId, event.data as { name: SealedText }));
      expect(name).toMatch(/^(Deltagare (Västerås|Eskilstuna|MDU) \d|Frånvarande \d|Initiativledare .+)$/);
    }
  });
});
