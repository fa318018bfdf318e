import { type InitiativeState, initiativeDecider, initiativeStream } from "#domain";
import { EventStore } from "#event-store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { actingAs, appendInitiative, coreTeam, useCommandRuntime } from "../testing/index.js";
import { setGoal } from "./commands/initiative/initiative-commands.js";
import { loadState } from "./read-state.js";

const runtime = useCommandRuntime();
const goalsOf = (state: InitiativeState) => (state.status === "unregistered" ? [] : [...state.goals]);

describe("loadState through the stream state cache", () => {
  it("hands out states that later commands on the stream leave as they were", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    const { ok } = actingAs(runtime, coreTeam);
    const load = () =>
      runtime.runtime.runPromise(
        Effect.flatMap(EventStore, (store) => loadState(store, initiativeStream(initiativeId), initiativeDecider)),
      );
    const goalIds: string[] = [];
    const handedOut: Array<{ state: InitiativeState; goals: ReadonlyArray<unknown> }> = [];
    // Enough goals that the cached state's goals are copied and flattened again and again.
    for (let i = 0; i < 120; i++) {
      goalIds.push((await ok(setGoal, { initiativeId, statement: `Goal ${i}` })).id);
      const { state } = await load();
      handedOut.push({ state, goals: goalsOf(state) });
    }

    for (const { state, goals } of handedOut) expect(goalsOf(state)).toEqual(goals);
    expect(handedOut.map(({ goals }) => goals.length)).toEqual(goalIds.map((_, i) => i + 1));
    expect(goalsOf((await load()).state)).toEqual(goalIds.map((goalId) => [goalId, "active"]));
  });
});
