import { REGISTRATION_STREAM } from "#domain";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { useCommandRuntime } from "../../testing/command-runtime.js";
import { loadDemoHistory } from "./demo-history.js";
import { fixedClock } from "./fixed-clock.js";

const runtime = useCommandRuntime();
const LOADED_AT = "2026-03-10T12:00:00.000Z";

describe("the demo's minutes as kept", () => {
  it("numbers the September minutes and budget decision, reports nothing yet, and plans the next meeting with the chair's delegation decision on its agenda", async () => {
    const { initiatives } = await runtime.runtime.runPromise(Effect.withClock(loadDemoHistory, fixedClock(new Date(LOADED_AT))));
    const numbers = await Effect.runPromise(runtime.store.readStream(REGISTRATION_STREAM));
    expect(numbers.map((event) => (event.data as { number: string }).number)).toEqual(["2024/1", "2024/2"]);

    const all = await Effect.runPromise(runtime.store.readAll());
    const delegated = all.filter(
      (event) => event.streamId === `initiative-${initiatives.dromfabriken}` && event.type === "MandateAmended",
    );
    const betweenMeetings = delegated.filter((event) => (event.data as { decision?: unknown }).decision === undefined);
    expect(betweenMeetings).toHaveLength(1);
    const planned = all.find((event) => event.type === "MeetingPlanned")!;
    expect(planned.data).toMatchObject({ plannedOn: "2026-03-24" });
    expect((planned.data as { agenda: Array<{ source?: unknown }> }).agenda[1]!.source).toEqual({
      delegationDecision: { initiativeId: initiatives.dromfabriken, revision: betweenMeetings[0]!.revision },
    });
    expect(all.filter((event) => event.type === "MeetingOfficersAppointed")).toHaveLength(2);
  });
});
