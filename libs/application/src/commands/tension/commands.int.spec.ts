import { randomUUID } from "node:crypto";
import { tensionStream } from "#domain";
import { Effect } from "effect";
import type { InputOf } from "../../command-spec.js";
import { describe, expect, it } from "vitest";
import { useCommandRuntime } from "../../../testing/command-runtime.js";
import { appendInitiative, leadOf } from "../../../testing/initiative-history.js";
import { auditor, coreTeam } from "../../../testing/principals.js";
import { tensionConcerns } from "../../facts/references.js";
import { changeTensionIntensity, dropTension, escalateTension, raiseTension, resolveTension } from "../tension/commands.js";

const runtime = useCommandRuntime();

const tensionAbout = (initiativeIds: string[]): InputOf<typeof raiseTension> => ({
  initiativeIds,
  category: "line-vs-collaboration",
  description: "Linjens prioriteringar drar åt ett annat håll än samverkan",
  intensity: 3,
  raisedOn: "2024-09-19",
});
const raised = async (initiativeIds: string[], principal = coreTeam) =>
  (await runtime.ok(raiseTension, { input: tensionAbout(initiativeIds), principal })).id;

describe("raising a tension", () => {
  it("creates the tension stream for registered initiatives", async () => {
    const initiativeIds = [await appendInitiative(runtime.store), await appendInitiative(runtime.store)];
    const result = await runtime.ok(raiseTension, { input: tensionAbout(initiativeIds), principal: coreTeam });
    expect(result).toMatchObject({ created: true, revision: 0, streamId: tensionStream(result.id) });
    const [event] = await Effect.runPromise(runtime.store.readStream(result.streamId));
    expect(event).toMatchObject({ type: "TensionRaised", data: { initiativeIds } });
  });

  it("lets the Core Team raise a tension within itself, naming no initiative", async () => {
    expect(await raised([])).toBeTypeOf("string");
  });

  it("is refused when a named initiative does not exist", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    const head = await runtime.headPosition();
    const input = tensionAbout([initiativeId, randomUUID()]);
    expect((await runtime.failure(raiseTension, { input, principal: coreTeam }))._tag).toBe("initiative-not-registered");
    expect(await runtime.headPosition()).toBe(head);
  });

  it("is allowed to a lead for their own initiatives", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    expect(await raised([initiativeId], await leadOf(runtime.store, initiativeId))).toBeTypeOf("string");
  });

  it("is forbidden to a lead for an initiative outside their token, alone or beside their own", async () => {
    const own = await appendInitiative(runtime.store);
    const other = await appendInitiative(runtime.store);
    for (const initiativeIds of [[other], [own, other]]) {
      const error = await runtime.failure(raiseTension, {
        input: tensionAbout(initiativeIds),
        principal: await leadOf(runtime.store, own),
      });
      expect(error._tag).toBe("Forbidden");
    }
  });

  it("is forbidden to a lead for a tension within the Core Team", async () => {
    const own = await appendInitiative(runtime.store);
    expect(
      (await runtime.failure(raiseTension, { input: tensionAbout([]), principal: await leadOf(runtime.store, own) }))._tag,
    ).toBe("Forbidden");
  });

  it("is forbidden to an auditor", async () => {
    expect((await runtime.failure(raiseTension, { input: tensionAbout([]), principal: auditor }))._tag).toBe("Forbidden");
  });
});

describe("following a tension", () => {
  const intensity = (tensionId: string) => ({ tensionId, intensity: 4, note: "Har vuxit", on: "2024-10-01" });
  const escalation = (tensionId: string) => ({
    tensionId,
    to: "board" as const,
    note: "Behöver styrgruppens beslut",
    on: "2024-10-02",
  });
  const resolution = (tensionId: string) => ({ tensionId, resolution: "Rollerna förtydligade", resolvedOn: "2024-11-20" });

  it("lets a lead of every initiative it concerns change, escalate and resolve it", async () => {
    const own = await appendInitiative(runtime.store);
    const other = await appendInitiative(runtime.store);
    const tensionId = await raised([own, other]);
    expect(
      (
        await runtime.failure(changeTensionIntensity, {
          input: intensity(tensionId),
          principal: await leadOf(runtime.store, own),
        })
      )._tag,
    ).toBe("Forbidden");
    const lead = await leadOf(runtime.store, own, other);
    await runtime.ok(changeTensionIntensity, { input: intensity(tensionId), principal: lead });
    await runtime.ok(escalateTension, { input: escalation(tensionId), principal: lead });
    expect((await runtime.ok(resolveTension, { input: resolution(tensionId), principal: lead })).revision).toBe(3);
  });

  it("is forbidden to a lead of none of its initiatives, and to an auditor", async () => {
    const tensionId = await raised([await appendInitiative(runtime.store)]);
    const stranger = await leadOf(runtime.store, await appendInitiative(runtime.store));
    const attempts = [
      [changeTensionIntensity, intensity(tensionId)],
      [escalateTension, escalation(tensionId)],
      [resolveTension, resolution(tensionId)],
      [dropTension, { tensionId, reason: "Inte längre aktuell", on: "2024-10-01" }],
    ] as const;
    for (const [spec, input] of attempts) {
      for (const principal of [stranger, auditor]) {
        expect((await runtime.failure(spec, { input, principal }))._tag).toBe("Forbidden");
      }
    }
  });

  it("is forbidden to any lead for a tension within the Core Team", async () => {
    const tensionId = await raised([]);
    const lead = await leadOf(runtime.store, await appendInitiative(runtime.store));
    expect((await runtime.failure(escalateTension, { input: escalation(tensionId), principal: lead }))._tag).toBe("Forbidden");
  });

  it("takes nothing after it is dropped", async () => {
    const tensionId = await raised([]);
    await runtime.ok(dropTension, { input: { tensionId, reason: "Inte längre aktuell", on: "2024-10-01" }, principal: coreTeam });
    const error = await runtime.failure(resolveTension, { input: resolution(tensionId), principal: coreTeam });
    expect(error._tag).toBe("tension-closed");
  });

  it("refuses a date before the tension was raised", async () => {
    const tensionId = await raised([]);
    const input = { ...intensity(tensionId), on: "2024-09-18" };
    expect((await runtime.failure(changeTensionIntensity, { input, principal: coreTeam }))._tag).toBe(
      "tension-dated-before-raised",
    );
  });

  it("answers a tension that does not exist as not found", async () => {
    const error = await runtime.failure(escalateTension, { input: escalation(randomUUID()), principal: coreTeam });
    expect(error._tag).toBe("ResourceNotFound");
  });
});

describe("tensionConcerns", () => {
  it("holds for the initiatives the tension names, and for no other", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    const tensionId = await raised([initiativeId]);
    const concerns = (tension: string, initiative: string) =>
      Effect.runPromise(tensionConcerns(runtime.store, tension, initiative));
    expect(await concerns(tensionId, initiativeId)).toBe(true);
    expect(await concerns(tensionId, randomUUID())).toBe(false);
    expect(await concerns(randomUUID(), initiativeId)).toBe(false);
  });
});
