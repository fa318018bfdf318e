import { type MandatEventOf, type MandatEventType, addDays, allEvents } from "#domain";
import { type EventStoreService, type EventToAppend, ExpectedRevision, uuidV7 } from "#event-store";
import { Effect } from "effect";

/**
 * Generates a large, consistent history: initiatives with leads, goals, mandates
 * (amended, renewed, revoked, regranted), check-ins, signals, tensions, meetings and
 * budgets, in the shapes the deciders produce. It appends directly in large batches,
 * since a million events through the pipeline would measure the pipeline, not the read
 * models. Deterministic for a seed.
 */
export interface HistoryShape {
  readonly initiatives: number;
  /** Events of and about each initiative, roughly. */
  readonly eventsPerInitiative: number;
  readonly seed?: number;
}

interface PendingStream {
  readonly streamId: string;
  readonly events: EventToAppend[];
}

const metadata = { actor: { id: "generator", roles: ["core-team"] }, commandId: "gen", correlationId: "gen", causationId: "gen" };

/** A small deterministic PRNG (mulberry32): the same seed gives the same history. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class HistoryGenerator {
  private readonly next: () => number;
  private readonly buffer: PendingStream[] = [];
  private buffered = 0;
  written = 0;

  constructor(
    private readonly store: EventStoreService,
    private readonly shape: HistoryShape,
    private readonly onProgress?: (written: number) => void,
  ) {
    this.next = random(shape.seed ?? 1);
  }

  /** Writes the whole history; returns the ids of the initiatives. */
  run(): Effect.Effect<ReadonlyArray<string>> {
    return Effect.promise(() => this.generate());
  }

  private async generate(): Promise<ReadonlyArray<string>> {
    const organisationId = uuidV7();
    this.stream(`organisation-${organisationId}`, [
      this.event("OrganisationRegistered", { name: "Generated municipality", kind: "municipality" }),
    ]);
    const people = Array.from({ length: 20 }, () => uuidV7());
    for (const personId of people) {
      this.stream(`person-${personId}`, [
        this.event("PersonRegistered", {
          organisationId,
          name: { alg: "A256GCM", iv: "AAAAAAAAAAAAAAAA", tag: "AAAAAAAAAAAAAAAAAAAAAA==", ciphertext: "AAAA" },
        } as never),
      ]);
    }
    for (const [i, personId] of people.slice(0, 6).entries()) {
      const membership = [this.event("CoreTeamMembershipStarted", { focusArea: "generated", on: "2020-01-01" } as never)];
      if (i === 0) membership.push(this.event("CoreTeamMembershipEnded", { focusArea: "generated", on: "2021-01-01" } as never));
      if (i === 1) membership.push(this.event("PersonErased", { on: "2022-01-01" }));
      // Logins linked (and one unlinked again), as sign-in and administration write them.
      const login = { issuer: "https://login.generated.example", subjectDigest: personId.replace(/-/g, "").padEnd(64, "0") };
      membership.push(this.event("PersonLoginLinked", { ...login, linkedBy: i % 2 === 0 ? "admin" : "verified-email" } as never));
      if (i === 2) membership.push(this.event("PersonLoginUnlinked", login as never));
      this.stream(`person-${personId}`, membership);
    }
    const contextId = uuidV7();
    this.stream(`organisation-${organisationId}`, [
      this.event("GoverningContextMapped", { contextId, name: "Nämnden", kind: "committee", description: "" } as never),
      this.event("GoverningContextMapped", { contextId: uuidV7(), name: "Nätverket", kind: "network", description: "" } as never),
    ]);
    const meetingId = uuidV7();
    const decisionId = uuidV7();
    const budgetDecisionId = uuidV7();
    this.stream(`meeting-${meetingId}`, [
      this.event("MeetingHeld", {
        body: "core-team",
        focusArea: "generated",
        heldOn: "2020-01-10",
        attendees: people.slice(0, 5),
        absentees: people.slice(5, 6),
        agenda: ["Mandat", "Budget"],
      } as never),
      this.event("DecisionRecorded", { decisionId, subject: "Mandat", decision: "Mandat beviljas", kind: "mandate" } as never),
      this.event("DecisionRecorded", {
        decisionId: budgetDecisionId,
        subject: "Budget",
        decision: "Budget godkänns",
        kind: "budget",
      } as never),
      this.event("CommentRecorded", { topic: "Budget", comment: "Hur vet vi att pengarna skapar värde?" }),
      this.event("NextStepAgreed", {
        nextStepId: uuidV7(),
        text: "Nytt möte i november",
        ownerId: people[0],
        due: "2020-11-30",
      } as never),
      this.event("MinutesApproved", { on: "2020-01-20" }),
      this.event("MinutesCorrected", { correction: "Rättat datum", reason: "Skrivfel" }),
    ]);
    const decision = { meetingId, decisionId };
    const budgetDecision = { meetingId, decisionId: budgetDecisionId };
    const initiatives: string[] = [];
    for (let i = 0; i < this.shape.initiatives; i++) {
      initiatives.push(await this.initiative(organisationId, contextId, people, decision, i));
    }
    this.budget(initiatives, budgetDecision);
    this.minutesKept(initiatives, people);
    await this.flush();
    return initiatives;
  }

  /**
   * A meeting kept as minutes are: planned, its officers named, held, the first
   * initiative's delegation decision (its grant, revision 5) reported, a decision under § 2,
   * a next step done, adjusted by both adjusters, and numbered.
   */
  private minutesKept(initiatives: ReadonlyArray<string>, people: ReadonlyArray<string>): void {
    const [first] = initiatives;
    if (first === undefined) return;
    const meetingId = uuidV7();
    const decisionId = uuidV7();
    const nextStepId = uuidV7();
    const delegated = { initiativeId: first, revision: 5 };
    const agenda = ["Anmälan av delegationsbeslut", "Budget"];
    this.stream(`meeting-${meetingId}`, [
      this.event("MeetingPlanned", {
        body: "core-team",
        focusArea: "generated",
        plannedOn: "2020-02-10",
        agenda: [{ title: agenda[0], source: { delegationDecision: delegated } }, { title: agenda[1] }],
      } as never),
      this.event("MeetingOfficersAppointed", {
        chairId: people[0],
        secretaryId: people[2],
        adjusterIds: [people[3], people[4]],
      } as never),
      this.event("MeetingHeld", {
        body: "core-team",
        focusArea: "generated",
        heldOn: "2020-02-10",
        attendees: people.slice(2, 5),
        absentees: [],
        agenda,
      } as never),
      this.event("DelegationDecisionsReported", { decisions: [delegated] } as never),
      this.event("DecisionRecorded", {
        decisionId,
        subject: "Budget",
        decision: "Noteras",
        kind: "other",
        paragraph: 2,
      } as never),
      this.event("NextStepAgreed", { nextStepId, text: "Följ upp budgeten" } as never),
      this.event("NextStepCompleted", { nextStepId, on: "2020-03-01" } as never),
      this.event("MinutesAdjusted", { adjusterId: people[3], on: "2020-02-17" } as never),
      this.event("MinutesAdjusted", { adjusterId: people[4], on: "2020-02-18" } as never),
    ]);
    this.stream("registration-numbers", [
      this.event("RegistrationNumberAssigned", {
        subject: { meetingId, decisionId },
        year: 2020,
        n: 1,
        number: "2020/1",
      } as never),
      this.event("RegistrationNumberAssigned", { subject: { meetingId }, year: 2020, n: 2, number: "2020/2" } as never),
    ]);
  }

  private budget(initiatives: ReadonlyArray<string>, decision: { meetingId: string; decisionId: string }): void {
    const line = (initiativeId: string | undefined, amountSek: number) => ({
      lineId: uuidV7(),
      purpose: "Insats",
      ...(initiativeId ? { initiativeId } : {}),
      amountSek,
    });
    this.stream("budget-generated-2021", [
      this.event("BudgetProposed", { year: 2021, lines: [line(initiatives[0], 100_000), line(undefined, 50_000)] } as never),
      this.event("BudgetApproved", { decision } as never),
      this.event("BudgetAmended", { lines: [line(initiatives[0], 120_000)], reason: "Mer till testbädden", decision } as never),
      this.event("ExternalFundingRecorded", { source: "Statsbidrag", amountSek: 80_000, on: "2021-03-01" } as never),
      this.event("ValueReflectionRecorded", { reflection: "Värde syns", valueRating: 4, on: "2021-12-01" } as never),
    ]);
    this.budgetComments(initiatives);
  }

  /** Issue 11.5: funding applied for, granted and linked; staff time given; a goal's reading cited by a reflection. */
  private budgetComments(initiatives: ReadonlyArray<string>): void {
    const [first] = initiatives;
    if (first === undefined) return;
    const fundingId = uuidV7();
    const lineId = uuidV7();
    const goalId = uuidV7();
    const readingId = uuidV7();
    this.stream(`initiative-${first}`, [
      this.event("GoalSet", { goalId, statement: "Fler barn deltar", indicator: "Barn per vecka" } as never),
      this.event("IndicatorReadingRecorded", { goalId, readingId, value: 34, unit: "barn per vecka", on: "2022-06-01" } as never),
    ]);
    this.stream("budget-generated-2022", [
      this.event("BudgetProposed", {
        year: 2022,
        lines: [{ lineId, purpose: "Insats", initiativeId: first, amountSek: 90_000 }],
      } as never),
      this.event("ExternalFundingRecorded", {
        source: "Allmänna arvsfonden",
        amountSek: 400_000,
        on: "2022-02-01",
        fundingId,
        status: "applied",
      } as never),
      this.event("ExternalFundingLinked", { fundingId, lineId } as never),
      this.event("ExternalFundingStatusChanged", { fundingId, status: "granted", amountSek: 300_000, on: "2022-04-01" } as never),
      this.event("ContributionInKindRecorded", {
        contributionId: uuidV7(),
        organisationId: uuidV7(),
        initiativeId: first,
        periodFrom: "2022-01-01",
        periodTo: "2022-06-30",
        hours: 120,
        valueSek: 72_000,
      } as never),
      this.event("ValueReflectionRecorded", {
        initiativeId: first,
        reflection: "Fler barn kommer",
        valueRating: 4,
        on: "2022-07-01",
        goalIds: [goalId],
        readingIds: [readingId],
      } as never),
    ]);
  }

  private async initiative(
    organisationId: string,
    contextId: string,
    people: string[],
    decision: { meetingId: string; decisionId: string },
    ordinal: number,
  ) {
    const initiativeId = uuidV7();
    const events: EventToAppend[] = [];
    const opening = [
      this.event("InitiativeRegistered", {
        name: `Initiative ${initiativeId.slice(-6)}`,
        focusArea: "generated",
        description: "",
        organisationIds: [organisationId],
      } as never),
      this.event("InitiativeLeadAssigned", { personId: this.pick(people), role: "lead" } as never),
      this.event("CheckInCadenceAgreed", { everyDays: 30 }),
    ];
    const goals = [uuidV7(), uuidV7()];
    for (const goalId of goals)
      opening.push(this.event("GoalSet", { goalId, statement: "Fler barn lyckas i skolan", targetDate: "2030-12-31" } as never));
    let day = "2020-02-01";
    // The first initiative's first mandate is a delegation decision: granted without a meeting's decision.
    let mandate = this.mandate(day, ordinal === 0 ? undefined : decision);
    opening.push(mandate.granted);
    // The initiative is in the log before anything that refers to it.
    this.stream(`initiative-${initiativeId}`, opening);
    let produced = opening.length;
    const budgetPerInitiative = this.shape.eventsPerInitiative;
    while (produced < budgetPerInitiative) {
      day = addDays(day, 1 + Math.floor(this.next() * 6));
      if (day > mandate.validUntil) {
        // Keep the mandate in force: every later amendment must fall within its validity.
        mandate = { ...mandate, validUntil: addDays(day, 365) };
        events.push(this.event("MandateRenewed", { mandateId: mandate.id, validUntil: mandate.validUntil, decision } as never));
        produced += 1;
        continue;
      }
      const roll = this.next();
      if (roll < 0.45) {
        events.push(
          this.event("CheckInHeld", {
            checkInId: uuidV7(),
            heldOn: day,
            participants: [this.pick(people)],
            mandateClarity: 1 + Math.floor(this.next() * 5),
            confidence: 1 + Math.floor(this.next() * 5),
            leadershipNeeded: this.pick(["more-direction", "more-detail", "more-space", "as-is"]),
            notes: "Avstämning",
            nextCheckInOn: addDays(day, 30),
          } as never),
        );
        produced += 1;
      } else if (roll < 0.6) {
        events.push(
          this.event("MandateAmended", {
            mandateId: mandate.id,
            changes: { budgetSek: Math.floor(this.next() * 500_000) },
            reason: "Justering",
            effectiveFrom: day,
            decision,
          } as never),
        );
        produced += 1;
      } else if (roll < 0.62) {
        events.push(
          this.event("MandateRevoked", { mandateId: mandate.id, reason: "Ersätts", effectiveFrom: day, decision } as never),
        );
        mandate = this.mandate(day, decision);
        events.push(mandate.granted);
        produced += 2;
      } else if (roll < 0.72) {
        events.push(
          this.event("GoalRevised", {
            goalId: this.pick(goals),
            statement: "Fler barn och unga lyckas",
            reason: "Skärpt",
            targetDate: "2031-06-30",
          } as never),
        );
        produced += 1;
      } else if (roll < 0.88) {
        produced += this.signal(initiativeId, mandate.id, day);
      } else {
        produced += this.tension(initiativeId, day);
      }
      if (events.length >= 400) this.stream(`initiative-${initiativeId}`, events.splice(0));
      if (this.buffered >= 5_000) await this.flush();
    }
    const lead = people[ordinal % people.length]!;
    events.push(
      this.event("InitiativeLeadAssigned", { personId: lead, role: "co-lead" } as never),
      this.event("GoverningContextLinked", { organisationId, contextId, relation: "decides" } as never),
    );
    if (ordinal % 3 === 0) {
      events.push(
        this.event("GoverningContextUnlinked", { organisationId, contextId, reason: "Inte längre aktuellt" } as never),
        this.event("InitiativeLeadUnassigned", { personId: lead, reason: "Ny roll" } as never),
        this.event("GoalAchieved", { goalId: goals[0], evidence: "Uppföljning", on: day } as never),
        this.event("GoalDropped", { goalId: goals[1], reason: "Ersatt" } as never),
        this.event("InitiativeClosed", { reason: "Avslutat", on: day } as never),
      );
    }
    this.stream(`initiative-${initiativeId}`, events);
    return initiativeId;
  }

  private mandate(validFrom: string, decision: { meetingId: string; decisionId: string } | undefined) {
    const id = uuidV7();
    const validUntil = addDays(validFrom, 365);
    const granted = this.event("MandateGranted", {
      mandateId: id,
      scope: [{ id: "S1", text: "Arbeta med skolor i området" }],
      boundaries: [{ id: "B1", text: "Inga nya tjänster" }],
      principles: [{ id: "P1", text: "Barnen först" }],
      steering: "broad",
      validFrom,
      validUntil,
      budgetSek: 100_000,
      ...(decision ? { decision } : {}),
    } as never);
    return { id, validUntil, granted };
  }

  private signal(initiativeId: string, mandateId: string, day: string): number {
    const events = [
      this.event("SignalSubmitted", {
        initiativeId,
        kind: "observation",
        summary: "Något vid kanten",
        mandatePosition: "at-edge",
        mandateId,
        observedOn: day,
      } as never),
    ];
    if (this.next() < 0.7) events.push(this.event("SignalAcknowledged", { on: day }));
    const roll = this.next();
    if (roll < 0.5) events.push(this.event("SignalAnswered", { response: "Noterat", outcome: "noted" } as never));
    else if (roll < 0.6) events.push(this.event("SignalWithdrawn", { reason: "Inaktuell" }));
    this.stream(`signal-${uuidV7()}`, events);
    return events.length;
  }

  private tension(initiativeId: string, day: string): number {
    const events = [
      this.event("TensionRaised", {
        initiativeIds: [initiativeId],
        category: "roles",
        description: "Roller glider",
        intensity: 3,
        raisedOn: day,
      } as never),
      this.event("TensionIntensityChanged", { intensity: 4, note: "Skärpt", on: addDays(day, 3) } as never),
    ];
    if (this.next() < 0.3)
      events.push(this.event("TensionEscalated", { to: "core-team", note: "Behöver stöd", on: addDays(day, 5) } as never));
    const roll = this.next();
    if (roll < 0.6) events.push(this.event("TensionResolved", { resolution: "Löst", resolvedOn: addDays(day, 20) } as never));
    else if (roll < 0.7) events.push(this.event("TensionDropped", { reason: "Inaktuell", on: addDays(day, 20) } as never));
    this.stream(`tension-${uuidV7()}`, events);
    return events.length;
  }

  private event<Type extends MandatEventType>(type: Type, data: MandatEventOf<Type>["data"]): EventToAppend {
    return { type, schemaVersion: allEvents[type].schemaVersion, data, metadata };
  }

  private pick<T>(items: ReadonlyArray<T>): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  private stream(streamId: string, events: EventToAppend[]): void {
    if (events.length === 0) return;
    this.buffer.push({ streamId, events });
    this.buffered += events.length;
  }

  private async flush(): Promise<void> {
    const pending = this.buffer.splice(0);
    this.buffered = 0;
    await Promise.all(
      pending.map(({ streamId, events }) => Effect.runPromise(this.store.append(streamId, events, ExpectedRevision.any))),
    );
    this.written += pending.reduce((sum, { events }) => sum + events.length, 0);
    this.onProgress?.(this.written);
  }
}
