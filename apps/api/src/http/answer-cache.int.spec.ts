import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LoginDirectory, executeCommand, setGoal } from "#application";
import { currentLeads, initiativePage } from "#projections";
import { ERASED_PERSON_NAME, KeyStore } from "#privacy";
import { Effect } from "effect";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { initiativeRoutes } from "../routes/initiative.routes.js";
import type { MandatRuntime } from "../runtime/mandat-runtime.js";
import { openDemoRuntime } from "../runtime/testing/demo-runtime.js";
import { AnswerCache } from "./answer-cache.js";
import { appliedPosition } from "./entity-tags.js";
import type { ParsedRequest } from "./route-definition.js";

/**
 * The overview's answer is kept while nothing it is read from changes: these read it
 * through the cache as Reads does, with the real read, and count how often it is read.
 */
let dir: string;
let runtime: MandatRuntime;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "mandat-answers-"));
  runtime = await openDemoRuntime(dir);
}, 60_000);

afterAll(async () => {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

const route = initiativeRoutes.overview;
type Overview = { goals: Array<{ statement: string }>; leads: Array<{ personId: string; name: string }> };
const READER = { id: "reader", roles: ["auditor" as const] };

/** The overview of `id` through `cache`, and a counter of how often it was read from the read models. */
function overviewReader(cache: AnswerCache) {
  const read = vi.fn();
  const ask = (id: string, query: ParsedRequest["query"] = {}) => {
    const request = { params: { id }, query };
    const named = route.read(request, READER);
    return cache.answer(route, request, runtime, appliedPosition(runtime, named.readModels), async () => {
      read();
      return (await named(runtime)) as Overview;
    });
  };
  return { ask, read };
}

/** An open initiative of the demo and one of its leads. */
const anInitiative = (index: number) => {
  const initiative = initiativePage(runtime.readModels, { page: { limit: 200 } }).items.filter((i) => i.status === "open")[
    index
  ]!;
  const lead = currentLeads(runtime.readModels).find((l) => l.initiativeName === initiative.name)!;
  return { id: initiative.id, leadId: lead.personId };
};

describe("the overview's answer cache", () => {
  it("answers the same overview asked again, with nothing written since, without reading it again", async () => {
    const { ask, read } = overviewReader(new AnswerCache());
    const { id } = anInitiative(0);
    const first = await ask(id);
    expect(await ask(id)).toBe(first);
    expect(await ask(id, { minPosition: 1 })).toBe(first);
    expect(read).toHaveBeenCalledTimes(1);
    // Another day or another time of knowing is another question.
    await ask(id, { at: "2020-01-01" });
    await ask(id, { asOf: "2020-01-01T00:00:00Z" });
    expect(read).toHaveBeenCalledTimes(3);
  });

  it("reads afresh once a write has reached the read models, and answers what it wrote", async () => {
    const { ask, read } = overviewReader(new AnswerCache());
    const { id, leadId } = anInitiative(0);
    await ask(id);
    await runtime.run(
      Effect.provideService(
        executeCommand(setGoal, {
          input: { initiativeId: id, statement: "A goal written between two reads" },
          principal: { id: leadId, personId: leadId, roles: ["initiative-lead"] },
        }),
        LoginDirectory,
        runtime.principals.logins,
      ),
    );
    expect(await runtime.readModelsAtHead(10_000)).toBe(true);
    const after = await ask(id);
    expect(read).toHaveBeenCalledTimes(2);
    expect(after.goals.map((goal) => goal.statement)).toContain("A goal written between two reads");
  });

  it("reads afresh once a lead's key is deleted, before any erasure reaches the log or the read models", async () => {
    const { ask, read } = overviewReader(new AnswerCache());
    const { id, leadId } = anInitiative(1);
    const before = await ask(id);
    expect(before.leads.find((lead) => lead.personId === leadId)!.name).not.toBe(ERASED_PERSON_NAME);
    // An erasure deletes the key first, then records it.
    await runtime.run(Effect.flatMap(KeyStore, (keys) => keys.erase(leadId)));
    const after = await ask(id);
    expect(read).toHaveBeenCalledTimes(2);
    expect(after.leads.find((lead) => lead.personId === leadId)!.name).toBe(ERASED_PERSON_NAME);
  });
});
