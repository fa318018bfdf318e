import { randomUUID } from "node:crypto";
import { calendarDate, signalStream } from "#domain";
import { Effect } from "effect";
import type { InputOf } from "../../command-spec.js";
import { describe, expect, it } from "vitest";
import { appendInitiative, leadOf } from "../../../testing/initiative-history.js";
import { useCommandRuntime } from "../../../testing/command-runtime.js";
import { auditor, coreTeam } from "../../../testing/principals.js";
import { signalConcerns } from "../../facts/references.js";
import { amendMandate } from "../initiative/mandate-commands.js";
import { acknowledgeSignal, answerSignal, submitSignal, withdrawSignal } from "../signal/commands.js";
import { raiseTension } from "../tension/commands.js";

const runtime = useCommandRuntime();

const signalFor = (initiativeId: string, extra: Partial<InputOf<typeof submitSignal>> = {}): InputOf<typeof submitSignal> => ({
  initiativeId,
  kind: "need",
  summary: "Skolorna behöver fler läxhjälpare",
  mandatePosition: "within",
  observedOn: "2025-02-10",
  ...extra,
});
const submitted = async (initiativeId: string, principal = coreTeam) =>
  (await runtime.ok(submitSignal, { input: signalFor(initiativeId), principal })).id;
const eventsOf = (signalId: string) => Effect.runPromise(runtime.store.readStream(signalStream(signalId)));

describe("submitting a signal", () => {
  it("creates the signal stream for an open initiative", async () => {
    const mandateId = randomUUID();
    const initiativeId = await appendInitiative(runtime.store, { mandateId });
    const result = await runtime.ok(submitSignal, {
      input: signalFor(initiativeId, { mandatePosition: "at-edge", mandateId }),
      principal: coreTeam,
    });
    expect(result).toMatchObject({ created: true, revision: 0, streamId: signalStream(result.id) });
    const [event] = await eventsOf(result.id);
    expect(event).toMatchObject({ type: "SignalSubmitted", data: { initiativeId, mandateId, mandatePosition: "at-edge" } });
  });

  it("is refused for an initiative that does not exist", async () => {
    const error = await runtime.failure(submitSignal, { input: signalFor(randomUUID()), principal: coreTeam });
    expect(error._tag).toBe("initiative-not-registered");
    expect(await runtime.headPosition()).toBe(0);
  });

  it("is refused for a closed initiative", async () => {
    const initiativeId = await appendInitiative(runtime.store, { closed: true });
    const head = await runtime.headPosition();
    const error = await runtime.failure(submitSignal, { input: signalFor(initiativeId), principal: coreTeam });
    expect(error._tag).toBe("initiative-closed");
    expect(await runtime.headPosition()).toBe(head);
  });

  it("is forbidden to a lead of a closed initiative: the role ends with the initiative", async () => {
    const initiativeId = await appendInitiative(runtime.store, { closed: true });
    const lead = await leadOf(runtime.store, initiativeId);
    const head = await runtime.headPosition();
    expect((await runtime.failure(submitSignal, { input: signalFor(initiativeId), principal: lead }))._tag).toBe("Forbidden");
    expect(await runtime.headPosition()).toBe(head);
  });

  it("is refused when the mandate named is not the initiative's", async () => {
    const initiativeId = await appendInitiative(runtime.store, { mandateId: randomUUID() });
    const input = signalFor(initiativeId, { mandateId: randomUUID() });
    expect((await runtime.failure(submitSignal, { input, principal: coreTeam }))._tag).toBe("mandate-not-found");
  });

  it("is allowed to a lead of the initiative", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    const result = await runtime.ok(submitSignal, {
      input: signalFor(initiativeId),
      principal: await leadOf(runtime.store, initiativeId),
    });
    expect(result.created).toBe(true);
  });

  it("is forbidden to a lead of another initiative", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    const other = await appendInitiative(runtime.store);
    const error = await runtime.failure(submitSignal, {
      input: signalFor(initiativeId),
      principal: await leadOf(runtime.store, other),
    });
    expect(error._tag).toBe("Forbidden");
  });

  it("is forbidden to an auditor", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    expect((await runtime.failure(submitSignal, { input: signalFor(initiativeId), principal: auditor }))._tag).toBe("Forbidden");
  });
});

describe("acknowledging a signal", () => {
  it("dates the acknowledgement today and records it once", async () => {
    const signalId = await submitted(await appendInitiative(runtime.store));
    const before = calendarDate(new Date());
    const first = await runtime.ok(acknowledgeSignal, { input: { signalId }, principal: coreTeam });
    const again = await runtime.ok(acknowledgeSignal, { input: { signalId }, principal: coreTeam });
    expect(again.revision).toBe(first.revision);
    const [, acknowledged] = await eventsOf(signalId);
    expect([before, calendarDate(new Date())]).toContain((acknowledged!.data as { on: string }).on);
  });

  it("is for the Core Team only", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    const signalId = await submitted(initiativeId);
    const error = await runtime.failure(acknowledgeSignal, {
      input: { signalId },
      principal: await leadOf(runtime.store, initiativeId),
    });
    expect(error._tag).toBe("Forbidden");
  });

  it("answers a signal that does not exist as not found", async () => {
    const error = await runtime.failure(acknowledgeSignal, { input: { signalId: randomUUID() }, principal: coreTeam });
    expect(error._tag).toBe("ResourceNotFound");
  });
});

describe("answering a signal", () => {
  it("follows up with the initiative's adjusted mandate and the amendment the signal triggered", async () => {
    const mandateId = randomUUID();
    const initiativeId = await appendInitiative(runtime.store, { mandateId });
    const signalId = await submitted(initiativeId);
    const amend = (triggeredBy: { signalId: string }) =>
      runtime.ok(amendMandate, {
        input: {
          initiativeId,
          mandateId,
          changes: { scope: ["Läxhjälp", "Fritidsgårdarna"] },
          reason: "Skolorna bad om det",
          effectiveFrom: "2025-03-01",
          triggeredBy,
        },
        principal: coreTeam,
      });
    const byOtherSignal = (await amend({ signalId: await submitted(initiativeId) })).revision;
    const amendment = (await amend({ signalId })).revision;
    const answer = (followUp: { mandateId: string; amendment?: number }) => ({
      signalId,
      response: "Mandatet utvidgas",
      outcome: "mandate-adjusted" as const,
      followUp,
    });
    const refused = async (followUp: { mandateId: string; amendment?: number }) =>
      (await runtime.failure(answerSignal, { input: answer(followUp), principal: coreTeam }))._tag;
    expect(await refused({ mandateId })).toBe("mandate-adjustment-needs-amendment");
    expect(await refused({ mandateId, amendment: byOtherSignal })).toBe("mandate-adjustment-needs-amendment");
    expect(await refused({ mandateId, amendment: 0 })).toBe("mandate-adjustment-needs-amendment");
    expect(await refused({ mandateId, amendment: amendment + 1 })).toBe("mandate-adjustment-needs-amendment");
    await runtime.ok(answerSignal, { input: answer({ mandateId, amendment }), principal: coreTeam });
    const [, answered] = await eventsOf(signalId);
    expect(answered).toMatchObject({ type: "SignalAnswered", data: { followUp: { mandateId, amendment } } });
    expect((await runtime.failure(answerSignal, { input: answer({ mandateId, amendment }), principal: coreTeam }))._tag).toBe(
      "signal-already-answered",
    );
  });

  it("refuses a mandate of another initiative as follow-up", async () => {
    const mandateId = randomUUID();
    await appendInitiative(runtime.store, { mandateId });
    const signalId = await submitted(await appendInitiative(runtime.store, { mandateId: randomUUID() }));
    const input = { signalId, response: "Mandatet utvidgas", outcome: "mandate-adjusted" as const, followUp: { mandateId } };
    expect((await runtime.failure(answerSignal, { input, principal: coreTeam }))._tag).toBe("follow-up-not-found");
  });

  it("follows up with a tension only when it concerns the signal's initiative", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    const signalId = await submitted(initiativeId);
    const raise = (initiativeIds: string[]) =>
      runtime.ok(raiseTension, {
        input: {
          initiativeIds,
          category: "roles",
          description: "Roller glider in i varandra",
          intensity: 3,
          raisedOn: "2025-02-11",
        },
        principal: coreTeam,
      });
    const elsewhere = await raise([]);
    const answer = (tensionId: string) => ({
      signalId,
      response: "Lyfts som spänning",
      outcome: "escalated" as const,
      followUp: { tensionId },
    });
    expect((await runtime.failure(answerSignal, { input: answer(elsewhere.id), principal: coreTeam }))._tag).toBe(
      "follow-up-not-found",
    );
    const concerning = await raise([initiativeId]);
    await runtime.ok(answerSignal, { input: answer(concerning.id), principal: coreTeam });
  });

  it("is for the Core Team only", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    const signalId = await submitted(initiativeId);
    const input = { signalId, response: "Noterat", outcome: "noted" as const };
    expect((await runtime.failure(answerSignal, { input, principal: await leadOf(runtime.store, initiativeId) }))._tag).toBe(
      "Forbidden",
    );
  });
});

describe("withdrawing a signal", () => {
  it("is allowed to a lead of the signal's initiative, even for a signal the Core Team submitted", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    const signalId = await submitted(initiativeId, coreTeam);
    const result = await runtime.ok(withdrawSignal, {
      input: { signalId, reason: "Löst lokalt" },
      principal: await leadOf(runtime.store, initiativeId),
    });
    expect(result.revision).toBe(1);
  });

  it("lets a lead withdraw what they submitted, and nothing follows a withdrawal", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    const lead = await leadOf(runtime.store, initiativeId);
    const signalId = await submitted(initiativeId, lead);
    await runtime.ok(withdrawSignal, { input: { signalId, reason: "Löst lokalt" }, principal: lead });
    const error = await runtime.failure(acknowledgeSignal, { input: { signalId }, principal: coreTeam });
    expect(error._tag).toBe("signal-withdrawn");
  });

  it("is forbidden to a lead of another initiative", async () => {
    const signalId = await submitted(await appendInitiative(runtime.store));
    const other = await appendInitiative(runtime.store);
    const error = await runtime.failure(withdrawSignal, {
      input: { signalId, reason: "Fel initiativ" },
      principal: await leadOf(runtime.store, other),
    });
    expect(error._tag).toBe("Forbidden");
  });

  it("is forbidden to an auditor", async () => {
    const signalId = await submitted(await appendInitiative(runtime.store));
    const error = await runtime.failure(withdrawSignal, { input: { signalId, reason: "Granskning" }, principal: auditor });
    expect(error._tag).toBe("Forbidden");
  });
});

describe("signalConcerns", () => {
  it("holds for the initiative the signal was submitted for, and for no other", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    const signalId = await submitted(initiativeId);
    const concerns = (signal: string, initiative: string) => Effect.runPromise(signalConcerns(runtime.store, signal, initiative));
    expect(await concerns(signalId, initiativeId)).toBe(true);
    expect(await concerns(signalId, randomUUID())).toBe(false);
    expect(await concerns(randomUUID(), initiativeId)).toBe(false);
  });
});
