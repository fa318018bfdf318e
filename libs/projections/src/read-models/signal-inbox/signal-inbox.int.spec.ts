import { randomUUID } from "node:crypto";
import { type InitiativeId, type MandateId, type MandatEventOf, signalStream } from "#domain";
import { describe, expect, it } from "vitest";
import { expectRebuildMatchesLive, useRecordedHistory } from "../../../testing/projection-harness.js";
import { signalInboxProjection } from "./projection.js";
import { listSignals, signalsPerClause, unansweredSignals } from "./queries.js";

const initiative = randomUUID() as InitiativeId;
const other = randomUUID() as InitiativeId;
const mandate = randomUUID() as MandateId;
const acknowledged = randomUUID();
const adjusted = randomUUID();
const othersNoted = randomUUID();
const withdrawn = randomUUID();
const latest = randomUUID();

// Recorded times, in the order the store records them.
const acknowledgedSubmitted = "2025-01-10T09:00:00.000Z";
const adjustedSubmitted = "2025-01-11T09:00:00.000Z";
const othersSubmitted = "2025-01-12T09:00:00.000Z";
const acknowledgedAt = "2025-01-20T09:00:00.000Z";
const adjustedAnswered = "2025-01-21T09:00:00.000Z";
const othersAnswered = "2025-01-22T09:00:00.000Z";
const withdrawnSubmitted = "2025-01-23T09:00:00.000Z";
const withdrawnAt = "2025-01-24T09:00:00.000Z";
const latestSubmitted = "2025-01-25T09:00:00.000Z";

type SignalSubmitted = MandatEventOf<"SignalSubmitted">["data"];
const submitted = (initiativeId: InitiativeId, extra: Partial<SignalSubmitted> = {}): SignalSubmitted => ({
  initiativeId,
  kind: "observation",
  summary: "Skolorna efterfrågar stöd",
  mandatePosition: "within",
  observedOn: "2025-01-08",
  ...extra,
});

const harness = useRecordedHistory([signalInboxProjection], async ({ append }) => {
  await append(
    signalStream(acknowledged),
    "SignalSubmitted",
    submitted(initiative, {
      kind: "boundary-request",
      detail: "Mer om gränsen",
      mandatePosition: "at-edge",
      mandateId: mandate,
      clauseId: "S2",
    }),
    { recordedAt: acknowledgedSubmitted, actorId: "lead-1" },
  );
  await append(signalStream(adjusted), "SignalSubmitted", submitted(initiative, { kind: "need" }), {
    recordedAt: adjustedSubmitted,
  });
  await append(signalStream(othersNoted), "SignalSubmitted", submitted(other), { recordedAt: othersSubmitted });
  await append(signalStream(acknowledged), "SignalAcknowledged", { on: "2025-01-19" }, { recordedAt: acknowledgedAt });
  await append(
    signalStream(adjusted),
    "SignalAnswered",
    { response: "Mandatet utvidgas", outcome: "mandate-adjusted", followUp: { mandateId: mandate, amendment: 3 } },
    { recordedAt: adjustedAnswered },
  );
  await append(
    signalStream(othersNoted),
    "SignalAnswered",
    { response: "Noterat", outcome: "noted" },
    { recordedAt: othersAnswered },
  );
  await append(
    signalStream(withdrawn),
    "SignalSubmitted",
    submitted(initiative, { kind: "risk", mandateId: mandate, clauseId: "S2" }),
    {
      recordedAt: withdrawnSubmitted,
    },
  );
  await append(signalStream(withdrawn), "SignalWithdrawn", { reason: "Löst lokalt" }, { recordedAt: withdrawnAt });
  await append(
    signalStream(latest),
    "SignalSubmitted",
    submitted(initiative, {
      kind: "progress",
      mandatePosition: "beyond",
      mandateId: mandate,
      clauseId: "S1",
      observedOn: "2025-01-20",
    }),
    {
      recordedAt: latestSubmitted,
    },
  );
});

const ids = (signals: ReadonlyArray<{ id: string }>) => signals.map((s) => s.id);

describe("listSignals", () => {
  it("lists every signal, oldest first, each with its status and steps", () => {
    const all = listSignals(harness.db);
    expect(ids(all)).toEqual([acknowledged, adjusted, othersNoted, withdrawn, latest]);
    expect(all.map((s) => s.status)).toEqual(["acknowledged", "answered", "answered", "withdrawn", "submitted"]);
    expect(all[0]).toEqual({
      id: acknowledged,
      initiativeId: initiative,
      kind: "boundary-request",
      summary: "Skolorna efterfrågar stöd",
      detail: "Mer om gränsen",
      mandatePosition: "at-edge",
      mandateId: mandate,
      clauseId: "S2",
      observedOn: "2025-01-08",
      status: "acknowledged",
      submittedAt: acknowledgedSubmitted,
      acknowledgedOn: "2025-01-19",
      answeredAt: null,
      outcome: null,
      response: null,
      followUp: null,
    });
    expect(all[1]).toMatchObject({
      detail: null,
      mandateId: null,
      clauseId: null,
      acknowledgedOn: null,
      answeredAt: adjustedAnswered,
      outcome: "mandate-adjusted",
      response: "Mandatet utvidgas",
      followUp: { mandateId: mandate, amendment: 3 },
    });
  });

  it("gives the inbox: submitted or acknowledged, neither answered nor withdrawn, oldest first", () => {
    expect(ids(listSignals(harness.db, { status: "unanswered" }))).toEqual([acknowledged, latest]);
    expect(ids(listSignals(harness.db, { status: "unanswered", initiativeId: other }))).toEqual([]);
  });

  it("gives the answered signals, newest answer first", () => {
    expect(ids(listSignals(harness.db, { status: "answered" }))).toEqual([othersNoted, adjusted]);
    expect(ids(listSignals(harness.db, { status: "answered", initiativeId: initiative }))).toEqual([adjusted]);
    expect(listSignals(harness.db, { status: "answered", initiativeId: other })[0]).toMatchObject({
      outcome: "noted",
      followUp: null,
    });
  });

  it("keeps to the signals citing one clause when asked", () => {
    expect(ids(listSignals(harness.db, { clauseId: "S2" }))).toEqual([acknowledged, withdrawn]);
    expect(ids(listSignals(harness.db, { clauseId: "S2", status: "unanswered", initiativeId: initiative }))).toEqual([
      acknowledged,
    ]);
    expect(ids(listSignals(harness.db, { clauseId: "S2", initiativeId: other }))).toEqual([]);
  });

  it("keeps to one initiative when asked", () => {
    expect(ids(listSignals(harness.db, { initiativeId: other }))).toEqual([othersNoted]);
    expect(ids(listSignals(harness.db, { initiativeId: randomUUID() }))).toEqual([]);
  });

  it("shows a signal from the instant it was submitted", () => {
    expect(listSignals(harness.db, { asOf: "2025-01-10T08:59:59.999Z" })).toEqual([]);
    expect(ids(listSignals(harness.db, { asOf: acknowledgedSubmitted }))).toEqual([acknowledged]);
    expect(ids(listSignals(harness.db, { asOf: "2025-01-10T09:00:00.001Z" }))).toEqual([acknowledged]);
  });

  it("shows an acknowledgement from the instant it was recorded", () => {
    const first = (asOf: string) => listSignals(harness.db, { asOf })[0];
    expect(first("2025-01-20T08:59:59.999Z")).toMatchObject({ status: "submitted", acknowledgedOn: null });
    expect(first(acknowledgedAt)).toMatchObject({ status: "acknowledged", acknowledgedOn: "2025-01-19" });
    expect(first("2025-01-20T09:00:00.001Z")).toMatchObject({ status: "acknowledged", acknowledgedOn: "2025-01-19" });
  });

  it("keeps an answer out of the signal, and the signal in the inbox, until the answer was recorded", () => {
    const before = "2025-01-21T08:59:59.999Z";
    expect(listSignals(harness.db, { asOf: before })[1]).toMatchObject({
      id: adjusted,
      status: "submitted",
      answeredAt: null,
      outcome: null,
      response: null,
      followUp: null,
    });
    expect(ids(listSignals(harness.db, { status: "unanswered", asOf: before }))).toEqual([acknowledged, adjusted, othersNoted]);
    expect(ids(listSignals(harness.db, { status: "answered", asOf: before }))).toEqual([]);
    expect(ids(listSignals(harness.db, { status: "unanswered", asOf: adjustedAnswered }))).toEqual([acknowledged, othersNoted]);
    expect(ids(listSignals(harness.db, { status: "answered", asOf: adjustedAnswered }))).toEqual([adjusted]);
    expect(listSignals(harness.db, { asOf: adjustedAnswered })[1]).toMatchObject({
      status: "answered",
      outcome: "mandate-adjusted",
    });
  });

  it("takes a withdrawn signal out of the inbox from the instant of withdrawal", () => {
    const statusOf = (asOf: string) => listSignals(harness.db, { asOf }).find((s) => s.id === withdrawn)?.status;
    expect(statusOf("2025-01-24T08:59:59.999Z")).toBe("submitted");
    expect(ids(listSignals(harness.db, { status: "unanswered", asOf: "2025-01-24T08:59:59.999Z" }))).toEqual([
      acknowledged,
      withdrawn,
    ]);
    expect(statusOf(withdrawnAt)).toBe("withdrawn");
    expect(ids(listSignals(harness.db, { status: "unanswered", asOf: withdrawnAt }))).toEqual([acknowledged]);
    expect(ids(listSignals(harness.db, { status: "answered", asOf: withdrawnAt }))).toEqual([othersNoted, adjusted]);
  });
});

describe("an initiative's inbox", () => {
  const unansweredSignalCount = (db: typeof harness.db, initiativeId: string, options: { asOf?: string } = {}) =>
    listSignals(db, { status: "unanswered", initiativeId, ...options }).length;

  it("holds what was unanswered as known at `asOf`", () => {
    const count = (asOf?: string) => unansweredSignalCount(harness.db, initiative, asOf ? { asOf } : {});
    expect(count()).toBe(2);
    expect(count("2025-01-10T08:59:59.999Z")).toBe(0);
    expect(count(acknowledgedSubmitted)).toBe(1);
    expect(count("2025-01-21T08:59:59.999Z")).toBe(2);
    expect(count(adjustedAnswered)).toBe(1);
    expect(count(withdrawnSubmitted)).toBe(2);
    expect(count(withdrawnAt)).toBe(1);
    expect(unansweredSignalCount(harness.db, other)).toBe(0);
    expect(unansweredSignalCount(harness.db, other, { asOf: "2025-01-22T08:59:59.999Z" })).toBe(1);
  });
});

describe("unansweredSignals: an initiative's inbox on a day", () => {
  const unanswered = (at: string, asOf?: string) =>
    ids(unansweredSignals(harness.db, initiative, { at, ...(asOf ? { asOf } : {}) }));

  it("holds a signal from the day it was observed, with what the overview shows of it", () => {
    expect(unanswered("2025-01-07")).toEqual([]);
    expect(unansweredSignals(harness.db, initiative, { at: "2025-01-08", asOf: acknowledgedSubmitted })).toEqual([
      {
        id: acknowledged,
        kind: "boundary-request",
        summary: "Skolorna efterfrågar stöd",
        mandatePosition: "at-edge",
        observedOn: "2025-01-08",
      },
    ]);
  });

  it("lets an answer or a withdrawal count from the day it was recorded, not before", () => {
    expect(unanswered("2025-01-20")).toEqual([acknowledged, adjusted, withdrawn, latest]);
    expect(unanswered("2025-01-21")).toEqual([acknowledged, withdrawn, latest]);
    expect(unanswered("2025-01-24")).toEqual([acknowledged, latest]);
  });

  it("knows of a submission and an answer only from the instant each was recorded", () => {
    expect(unanswered("2025-01-21", "2025-01-21T08:59:59.999Z")).toEqual([acknowledged, adjusted]);
    expect(unanswered("2025-01-21", adjustedAnswered)).toEqual([acknowledged]);
    expect(ids(unansweredSignals(harness.db, other, { at: "2025-01-21", asOf: othersAnswered }))).toEqual([othersNoted]);
    expect(ids(unansweredSignals(harness.db, other, { at: "2025-01-22", asOf: othersAnswered }))).toEqual([]);
  });
});

it("records who submitted a signal and why it was withdrawn", () => {
  const row = (id: string) => harness.db.prepare("SELECT * FROM signals WHERE signal_id = ?").get(id);
  expect(row(acknowledged)).toMatchObject({ submitted_by: "lead-1", submitted_position: expect.any(Number) });
  expect(row(withdrawn)).toMatchObject({ submitted_by: "tester", withdrawn_at: withdrawnAt, withdrawal_reason: "Löst lokalt" });
});

describe("signalsPerClause", () => {
  const counts = (options: Parameters<typeof signalsPerClause>[2] = {}) =>
    Object.fromEntries(signalsPerClause(harness.db, mandate, options));

  it("counts each clause's signals by position, leaving out the withdrawn", () => {
    expect(counts()).toEqual({
      S1: { within: 0, "at-edge": 0, beyond: 1 },
      S2: { within: 0, "at-edge": 1, beyond: 0 },
    });
  });
  it("counts a withdrawn signal until its withdrawal was recorded", () => {
    expect(counts({ asOf: withdrawnSubmitted })).toEqual({ S2: { within: 1, "at-edge": 1, beyond: 0 } });
  });
  it("counts the signals observed within the days asked for, either end included", () => {
    expect(counts({ until: "2025-01-19" })).toEqual({ S2: { within: 0, "at-edge": 1, beyond: 0 } });
    expect(counts({ from: "2025-01-20", until: "2025-01-20" })).toEqual({ S1: { within: 0, "at-edge": 0, beyond: 1 } });
    expect(counts({ from: "2025-01-21" })).toEqual({});
  });
  it("answers for one mandate only", () => {
    expect(signalsPerClause(harness.db, randomUUID(), {}).size).toBe(0);
  });
});

it("rebuilds to exactly the rows it keeps live", () => expectRebuildMatchesLive(harness, { signals: 5 }));
