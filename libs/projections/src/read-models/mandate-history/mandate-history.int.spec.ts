import { randomUUID } from "node:crypto";
import { type DecisionRef, type InitiativeId, type MandateId, type SignalId, initiativeStream } from "#domain";
import { describe, expect, it } from "vitest";
import { expectRebuildMatchesLive, useRecordedHistory } from "../../../testing/projection-harness.js";
import { signalInboxProjection } from "../signal-inbox/projection.js";
import { withSignals } from "./clause-views.js";
import { mandateHistoryProjection } from "./projection.js";
import { mandateHistory, mandateInForce } from "./queries.js";

const initiative = randomUUID() as InitiativeId;
const other = randomUUID() as InitiativeId;
const threeSteps = randomUUID() as InitiativeId;
const threeStepsMandate = randomUUID() as MandateId;
const first = randomUUID() as MandateId;
const second = randomUUID() as MandateId;
const othersMandate = randomUUID() as MandateId;
const signal = randomUUID() as SignalId;
const decision = (): DecisionRef => ({ meetingId: randomUUID(), decisionId: randomUUID() }) as DecisionRef;
const grantDecision = decision();
const backdatedDecision = decision();
const revocationDecision = decision();

// The first mandate: granted, amended, amended again with a backdated effect, renewed, revoked.
const granted = "2025-01-10T10:00:00.000Z";
const amended = "2025-02-01T10:00:00.000Z";
const backdated = "2025-02-20T10:00:00.000Z";
const renewed = "2025-03-10T10:00:00.000Z";
const revoked = "2025-04-01T10:00:00.000Z";
const secondGranted = "2025-04-02T10:00:00.000Z";
// The other initiative: the docs/domain.md "Time: two axes" question, a revocation recorded late but effective early.
const othersGranted = "2025-01-02T10:00:00.000Z";
const othersRevoked = "2025-02-20T11:00:00.000Z";
const february15 = "2025-02-15T23:59:59.999Z";
// Issue #19: granted with a budget of 100, amended to 200 from 1 June, then to 300 from 1 March.
const stepGranted = "2025-05-01T10:00:00.000Z";
const stepAmended = "2025-05-02T10:00:00.000Z";
const stepBackdated = "2025-05-03T10:00:00.000Z";

const grantedTerms = {
  scope: [{ id: "S1", text: "Läsning" }],
  boundaries: [{ id: "B1", text: "Inom skoltid" }],
  principles: [{ id: "P1", text: "Barnens bästa" }],
  steering: "broad" as const,
};
/** How the views show those terms: the texts (as v1 clients read them), and each clause with its signals. */
const none = { within: 0, "at-edge": 0, beyond: 0 };
const grantedView = {
  scope: ["Läsning"],
  boundaries: ["Inom skoltid"],
  principles: ["Barnens bästa"],
  clauses: [
    { id: "S1", text: "Läsning", signals: none },
    { id: "B1", text: "Inom skoltid", signals: none },
    { id: "P1", text: "Barnens bästa", signals: none },
  ],
  steering: "broad" as const,
};
/** Clauses after the first amendment: S2 is new, and one signal at its edge was observed on 12 February. */
const amendedClauses = (s2Signals = { ...none, "at-edge": 1 }) => [
  grantedView.clauses[0]!,
  { id: "S2", text: "Skrivande", signals: s2Signals },
  ...grantedView.clauses.slice(1),
];
const signalSubmitted = "2025-02-12T10:00:00.000Z";
/** The clauses alone, as mandateInForce gives them. */
const plain = (clauses: ReadonlyArray<{ id: string; text: string }>) => clauses.map(({ id, text }) => ({ id, text }));
const grantedInForce = { ...grantedView, clauses: plain(grantedView.clauses) };

const harness = useRecordedHistory([mandateHistoryProjection, signalInboxProjection], async ({ append }) => {
  // The store never lets recordedAt go back, so events are appended in recording order.
  const stream = initiativeStream(initiative);
  const othersStream = initiativeStream(other);
  await append(
    othersStream,
    "MandateGranted",
    { mandateId: othersMandate, ...grantedTerms, validFrom: "2025-01-01", validUntil: "2025-12-31" },
    { recordedAt: othersGranted },
  );
  await append(
    stream,
    "MandateGranted",
    {
      mandateId: first,
      ...grantedTerms,
      validFrom: "2025-01-15",
      validUntil: "2025-06-30",
      budgetSek: 100_000,
      decision: grantDecision,
    },
    { recordedAt: granted },
  );
  await append(
    stream,
    "MandateAmended",
    {
      mandateId: first,
      // As an amendment recorded before clauses had ids reads (upcast from schemaVersion 1): numbered on projection.
      changes: { scope: [{ text: "Läsning" }, { text: "Skrivande" }], budgetSek: 150_000 },
      reason: "Signalen visade behov",
      effectiveFrom: "2025-02-10",
      triggeredBy: { signalId: signal },
    },
    { recordedAt: amended },
  );
  await append(
    `signal-${randomUUID()}`,
    "SignalSubmitted",
    {
      initiativeId: initiative,
      kind: "boundary-request",
      summary: "Skolorna vill skriva mer",
      mandatePosition: "at-edge",
      mandateId: first,
      clauseId: "S2",
      observedOn: "2025-02-12",
    },
    { recordedAt: signalSubmitted },
  );
  await append(
    stream,
    "MandateAmended",
    {
      mandateId: first,
      changes: { steering: "detailed", budgetSek: 120_000 },
      reason: "Beslut i efterhand",
      effectiveFrom: "2025-02-05",
      decision: backdatedDecision,
    },
    { recordedAt: backdated },
  );
  await append(
    othersStream,
    "MandateRevoked",
    { mandateId: othersMandate, reason: "Uppdraget avslutas", effectiveFrom: "2025-02-25" },
    { recordedAt: othersRevoked },
  );
  await append(stream, "MandateRenewed", { mandateId: first, validUntil: "2025-09-30" }, { recordedAt: renewed });
  await append(
    stream,
    "MandateRevoked",
    { mandateId: first, reason: "Ersätts", effectiveFrom: "2025-08-01", decision: revocationDecision },
    { recordedAt: revoked },
  );
  await append(
    stream,
    "MandateGranted",
    {
      mandateId: second,
      scope: [{ id: "S1", text: "Skrivande" }],
      boundaries: [],
      principles: [],
      steering: "detailed",
      validFrom: "2025-08-01",
    },
    { recordedAt: secondGranted },
  );
  const steps = initiativeStream(threeSteps);
  const stepAmendment = (budgetSek: number, effectiveFrom: string) =>
    ({ mandateId: threeStepsMandate, changes: { budgetSek }, reason: "Beslut", effectiveFrom }) as const;
  await append(
    steps,
    "MandateGranted",
    { mandateId: threeStepsMandate, ...grantedTerms, validFrom: "2025-01-01", validUntil: "2025-12-31", budgetSek: 100 },
    { recordedAt: stepGranted, actorId: "karin" },
  );
  await append(steps, "MandateAmended", stepAmendment(200, "2025-06-01"), { recordedAt: stepAmended, actorId: "karin" });
  await append(steps, "MandateAmended", stepAmendment(300, "2025-03-01"), { recordedAt: stepBackdated, actorId: "olle" });
});

const inForce = (at: string, asOf?: string) => mandateInForce(harness.db, initiative, { at, asOf });

describe("mandateHistory", () => {
  const version1 = {
    mandateId: first,
    version: 1,
    change: "granted",
    ...grantedView,
    budgetSek: 100_000,
    termsUntil: null,
    // The backdated amendment (version 3) changed the terms from 5 February.
    supersededFrom: "2025-02-05",
    validFrom: "2025-01-15",
    validUntil: "2025-06-30",
    revokedFrom: null,
    effectiveFrom: "2025-01-15",
    changes: null,
    reason: null,
    triggeredBy: null,
    recordedAt: granted,
    recordedBy: "tester",
    decision: grantDecision,
  };
  const version2 = {
    ...version1,
    version: 2,
    change: "amended",
    scope: ["Läsning", "Skrivande"],
    // As now known these terms never held (superseded from their first day): no signal counts on them.
    clauses: amendedClauses(none),
    budgetSek: 150_000,
    // From 10 February, steering is detailed since version 3: these terms never held on that day as now known.
    supersededFrom: "2025-02-10",
    effectiveFrom: "2025-02-10",
    changes: {
      scope: [
        { id: "S1", text: "Läsning" },
        { id: "S2", text: "Skrivande" },
      ],
      budgetSek: 150_000,
    },
    reason: "Signalen visade behov",
    triggeredBy: { signalId: signal },
    recordedAt: amended,
    decision: null,
  };
  // In force from its effectiveFrom (before version 2's) until version 2's takes effect: not cumulative in recording order.
  const version3 = {
    ...version2,
    version: 3,
    scope: ["Läsning"],
    clauses: grantedView.clauses,
    steering: "detailed",
    budgetSek: 120_000,
    termsUntil: "2025-02-09",
    supersededFrom: null,
    effectiveFrom: "2025-02-05",
    changes: { steering: "detailed", budgetSek: 120_000 },
    reason: "Beslut i efterhand",
    triggeredBy: null,
    recordedAt: backdated,
    decision: backdatedDecision,
  };
  const version4 = {
    ...version3,
    version: 4,
    change: "renewed",
    scope: ["Läsning", "Skrivande"],
    // The signal was observed before these terms' effectiveFrom: it counts on version 2's row only.
    clauses: amendedClauses(none),
    budgetSek: 150_000,
    termsUntil: null,
    // The revocation (version 5) ends the days the renewal added from 1 August.
    supersededFrom: "2025-08-01",
    validUntil: "2025-09-30",
    effectiveFrom: "2025-07-01",
    changes: null,
    reason: null,
    recordedAt: renewed,
    decision: null,
  };
  const version5 = {
    ...version4,
    version: 5,
    change: "revoked",
    supersededFrom: null,
    revokedFrom: "2025-08-01",
    effectiveFrom: "2025-08-01",
    reason: "Ersätts",
    recordedAt: revoked,
    decision: revocationDecision,
  };
  const secondVersion1 = {
    mandateId: second,
    version: 1,
    change: "granted",
    scope: ["Skrivande"],
    boundaries: [],
    principles: [],
    clauses: [{ id: "S1", text: "Skrivande", signals: none }],
    steering: "detailed",
    budgetSek: null,
    termsUntil: null,
    supersededFrom: null,
    validFrom: "2025-08-01",
    validUntil: null,
    revokedFrom: null,
    effectiveFrom: "2025-08-01",
    changes: null,
    reason: null,
    triggeredBy: null,
    recordedAt: secondGranted,
    recordedBy: "tester",
    decision: null,
  };

  it("holds one row per version of every mandate of the initiative, oldest first", () => {
    expect(mandateHistory(harness.db, initiative)).toEqual([version1, version2, version3, version4, version5, secondVersion1]);
  });

  it("holds the versions recorded by asOf, from the instant each was recorded, superseded as known then", () => {
    expect(mandateHistory(harness.db, initiative, { asOf: "2025-01-10T09:59:59.999Z" })).toEqual([]);
    expect(mandateHistory(harness.db, initiative, { asOf: granted })).toEqual([{ ...version1, supersededFrom: null }]);
    expect(mandateHistory(harness.db, initiative, { asOf: "2025-02-20T09:59:59.999Z" })).toEqual([
      { ...version1, supersededFrom: "2025-02-10" },
      // As known then, they held from 10 February on: the signal citing S2 on 12 February counts.
      { ...version2, supersededFrom: null, clauses: amendedClauses() },
    ]);
    // Before the signal was submitted, no signal cites S2.
    expect(mandateHistory(harness.db, initiative, { asOf: amended })[1]!.clauses).toEqual(amendedClauses(none));
    expect(mandateHistory(harness.db, initiative, { asOf: backdated })).toEqual([version1, version2, version3]);
    expect(mandateHistory(harness.db, initiative, { asOf: renewed })[3]).toEqual({ ...version4, supersededFrom: null });
  });

  it("answers only for the initiative asked about", () => {
    expect(mandateHistory(harness.db, other).map((v) => [v.mandateId, v.change])).toEqual([
      [othersMandate, "granted"],
      [othersMandate, "revoked"],
    ]);
  });
});

describe("issue #19: an amendment recorded after another, effective before it", () => {
  const history = (asOf?: string) =>
    mandateHistory(harness.db, threeSteps, asOf === undefined ? {} : { asOf }).map((v) => ({
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      budgetSek: v.budgetSek,
      termsUntil: v.termsUntil,
      supersededFrom: v.supersededFrom,
      recordedBy: v.recordedBy,
    }));

  it("the overview: 100 before 1 March, 300 from 1 March, 200 from 1 June", () => {
    const budgetOn = (at: string) => mandateInForce(harness.db, threeSteps, { at })?.budgetSek;
    expect(budgetOn("2025-02-01")).toBe(100);
    expect(budgetOn("2025-02-28")).toBe(100);
    expect(budgetOn("2025-03-01")).toBe(300);
    expect(budgetOn("2025-04-01")).toBe(300);
    expect(budgetOn("2025-05-31")).toBe(300);
    expect(budgetOn("2025-06-01")).toBe(200);
    expect(budgetOn("2025-12-31")).toBe(200);
  });

  it("the history: each row's terms from its effectiveFrom as known when recorded; the grant superseded from 1 March", () => {
    expect(history()).toEqual([
      {
        version: 1,
        effectiveFrom: "2025-01-01",
        budgetSek: 100,
        termsUntil: null,
        supersededFrom: "2025-03-01",
        recordedBy: "karin",
      },
      { version: 2, effectiveFrom: "2025-06-01", budgetSek: 200, termsUntil: null, supersededFrom: null, recordedBy: "karin" },
      {
        version: 3,
        effectiveFrom: "2025-03-01",
        budgetSek: 300,
        termsUntil: "2025-05-31",
        supersededFrom: null,
        recordedBy: "olle",
      },
    ]);
  });

  it("as known before the third step, the grant is superseded from 1 June", () => {
    expect(history(stepAmended)).toEqual([
      {
        version: 1,
        effectiveFrom: "2025-01-01",
        budgetSek: 100,
        termsUntil: null,
        supersededFrom: "2025-06-01",
        recordedBy: "karin",
      },
      { version: 2, effectiveFrom: "2025-06-01", budgetSek: 200, termsUntil: null, supersededFrom: null, recordedBy: "karin" },
    ]);
  });
});

describe("mandateInForce", () => {
  const firstMandate = {
    mandateId: first,
    ...grantedInForce,
    validFrom: "2025-01-15",
    validUntil: "2025-06-30",
    budgetSek: 100_000,
  };

  it("is null before the mandate was recorded, whatever the day", () => {
    expect(inForce("2025-02-01", "2025-01-10T09:59:59.999Z")).toBeNull();
  });

  it("is in force from validFrom, not the day before", () => {
    expect(inForce("2025-01-14", granted)).toBeNull();
    expect(inForce("2025-01-15", granted)).toEqual(firstMandate);
  });

  it("is in force through validUntil, and after it only once a renewal is recorded", () => {
    expect(inForce("2025-06-30", "2025-03-10T09:59:59.999Z")).toMatchObject({ mandateId: first, validUntil: "2025-06-30" });
    expect(inForce("2025-07-01", "2025-03-10T09:59:59.999Z")).toBeNull();
    expect(inForce("2025-07-01", renewed)).toMatchObject({ mandateId: first, validUntil: "2025-09-30" });
  });

  it("folds amendments in valid time: each counts from its effectiveFrom, in the order they take effect", () => {
    // The backdated amendment (detailed, 120 000) takes effect on 5 February, the earlier-recorded one on 10 February.
    expect(inForce("2025-02-04")).toMatchObject({ steering: "broad", scope: ["Läsning"], budgetSek: 100_000 });
    expect(inForce("2025-02-05")).toMatchObject({ steering: "detailed", scope: ["Läsning"], budgetSek: 120_000 });
    expect(inForce("2025-02-09")).toMatchObject({ steering: "detailed", scope: ["Läsning"], budgetSek: 120_000 });
    expect(inForce("2025-02-10")).toMatchObject({ steering: "detailed", scope: ["Läsning", "Skrivande"], budgetSek: 150_000 });
  });

  it("leaves out amendments recorded after asOf: 1 March as known on 15 February", () => {
    expect(inForce("2025-03-01", february15)).toEqual({
      ...firstMandate,
      scope: ["Läsning", "Skrivande"],
      clauses: plain(amendedClauses()),
      budgetSek: 150_000,
    });
    expect(inForce("2025-03-01", "2025-02-20T09:59:59.999Z")).toMatchObject({ steering: "broad" });
    expect(inForce("2025-03-01", backdated)).toMatchObject({ steering: "detailed", budgetSek: 150_000 });
  });

  it("ends the day before revokedFrom once the revocation is recorded", () => {
    expect(inForce("2025-07-31")).toMatchObject({ mandateId: first, validUntil: "2025-09-30" });
    expect(inForce("2025-08-01", "2025-04-01T09:59:59.999Z")).toMatchObject({ mandateId: first });
    expect(inForce("2025-08-01", revoked)).toBeNull();
  });

  it("gives the mandate that follows a revoked one, with absent validUntil and budget as null", () => {
    expect(inForce("2025-08-01")).toEqual({
      mandateId: second,
      scope: ["Skrivande"],
      boundaries: [],
      principles: [],
      clauses: [{ id: "S1", text: "Skrivande" }],
      steering: "detailed",
      validFrom: "2025-08-01",
      validUntil: null,
      budgetSek: null,
    });
  });

  it("answers the DOMAIN.md question: a revocation recorded after 15 February, effective before 1 March", () => {
    const othersMandateTerms = {
      mandateId: othersMandate,
      ...grantedInForce,
      validFrom: "2025-01-01",
      validUntil: "2025-12-31",
      budgetSek: null,
    };
    expect(mandateInForce(harness.db, other, { at: "2025-03-01", asOf: february15 })).toEqual(othersMandateTerms);
    expect(mandateInForce(harness.db, other, { at: "2025-03-01" })).toBeNull();
    expect(mandateInForce(harness.db, other, { at: "2025-02-24", asOf: othersRevoked })).toEqual(othersMandateTerms);
    expect(mandateInForce(harness.db, other, { at: "2025-02-25", asOf: othersRevoked })).toBeNull();
  });
});

describe("withSignals: the signals per clause", () => {
  const clausesOn = (at: string, asOf?: string) =>
    withSignals(harness.db, first, inForce(at, asOf)!.clauses, asOf === undefined ? { until: at } : { asOf, until: at });

  it("counts a clause's signals observed by the day, as known at asOf", () => {
    expect(clausesOn("2025-02-11")).toEqual(amendedClauses(none));
    expect(clausesOn("2025-02-12")).toEqual(amendedClauses());
    expect(clausesOn("2025-02-12", amended)).toEqual(amendedClauses(none));
  });
});

it("rebuilds to exactly the rows it keeps live", () => expectRebuildMatchesLive(harness, { mandate_versions: 11, signals: 1 }));
