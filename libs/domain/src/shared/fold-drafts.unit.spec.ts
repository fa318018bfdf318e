import { describe, expect, it } from "vitest";
import type { InitiativeEvent } from "../initiative/events.js";
import { initiativeDecider } from "../initiative/decider.js";
import type { InitiativeState } from "../initiative/state.js";
import { fold, foldFrom } from "./decider.js";
import { FoldDrafts } from "./fold-drafts.js";

const registered = {
  type: "InitiativeRegistered",
  data: { name: "Dromfabriken", focusArea: "fritid", description: "", organisationIds: ["o-1"] },
} as unknown as InitiativeEvent;
const goalSet = (goalId: string) =>
  ({ type: "GoalSet", data: { goalId, statement: `Goal ${goalId}` } }) as unknown as InitiativeEvent;
const goalAchieved = (goalId: string) =>
  ({ type: "GoalAchieved", data: { goalId, evidence: "Done", on: "2025-03-01" } }) as unknown as InitiativeEvent;

const goalsOf = (state: InitiativeState) => (state.status === "unregistered" ? [] : [...state.goals]);

describe("FoldDrafts", () => {
  it("copies a collection it does not own, once, and hands its own copy back after", () => {
    const drafts = new FoldDrafts();
    const theirs: ReadonlyMap<string, number> = new Map([["a", 1]]);
    const mine = drafts.map(theirs);
    expect(mine).not.toBe(theirs);
    expect(drafts.map(mine)).toBe(mine);
    mine.set("b", 2);
    expect([...theirs]).toEqual([["a", 1]]);
  });

  it("owns nothing of another fold's drafts", () => {
    const first = new FoldDrafts().set(new Set(["a"]));
    expect(new FoldDrafts().set(first)).not.toBe(first);
  });
});

describe("foldFrom", () => {
  it("leaves the state it starts from as it was: a cached state others hold is never written", () => {
    const cached = fold(initiativeDecider, [registered, goalSet("g-1"), goalSet("g-2")]);
    const before = goalsOf(cached);
    const later = foldFrom(initiativeDecider, cached, [goalSet("g-3"), goalAchieved("g-1"), goalSet("g-4")]);
    expect(goalsOf(cached)).toEqual(before);
    expect(goalsOf(later)).toEqual([
      ["g-1", "achieved"],
      ["g-2", "active"],
      ["g-3", "active"],
      ["g-4", "active"],
    ]);
  });

  it("leaves a state it returned alone when a later fold continues from it", () => {
    const first = foldFrom(initiativeDecider, initiativeDecider.initialState, [registered, goalSet("g-1")]);
    const second = foldFrom(initiativeDecider, first, [goalSet("g-2")]);
    const third = foldFrom(initiativeDecider, first, [goalSet("g-3")]);
    expect(goalsOf(first)).toEqual([["g-1", "active"]]);
    expect(goalsOf(second).map(([id]) => id)).toEqual(["g-1", "g-2"]);
    expect(goalsOf(third).map(([id]) => id)).toEqual(["g-1", "g-3"]);
  });

  it("folds to what evolving one event at a time gives", () => {
    const events = [registered, goalSet("g-1"), goalSet("g-2"), goalAchieved("g-2"), goalSet("g-3")];
    const oneByOne = events.reduce<InitiativeState>(
      (state, event) => initiativeDecider.evolve(state, event),
      initiativeDecider.initialState,
    );
    expect(fold(initiativeDecider, events)).toEqual(oneByOne);
  });
});
