import type { Principal } from "#domain";
import { EventStore } from "#event-store";
import { Clock, Effect } from "effect";
import type { InputOf } from "../command-spec.js";
import { approveBudget, proposeBudget, recordExternalFunding, recordValueReflection } from "../commands/budget/commands.js";
import {
  agreeCheckInCadence,
  assignLead,
  holdCheckIn,
  linkGoverningContext,
  registerInitiative,
  setGoal,
} from "../commands/initiative/initiative-commands.js";
import { amendMandate, grantMandate } from "../commands/initiative/mandate-commands.js";
import { agreeNextStep, approveMinutes, holdMeeting, recordComment, recordDecision } from "../commands/meeting/commands.js";
import { mapGoverningContext, registerOrganisation } from "../commands/organisation/commands.js";
import { registerPerson, startCoreTeamMembership } from "../commands/person/commands.js";
import { linkLogin } from "../commands/person/login-commands.js";
import { DEVELOPMENT_ISSUER } from "../login-ref.js";
import { acknowledgeSignal, answerSignal, submitSignal } from "../commands/signal/commands.js";
import { raiseTension } from "../commands/tension/commands.js";
import { DEMO_FOCUS_AREA, type DemoCast, type DemoInitiative } from "./demo-cast.js";
import {
  loadContributionsInKind,
  loadExternalFundingStatus,
  loadIndicatorReadings,
  loadNextYearsBudget,
} from "./demo-budget-comments.js";
import { PRESENT_DAY_EARLIEST, loadPresentDay } from "./demo-present-day.js";
import { demoRunner } from "./demo-runner.js";
import { adjustAndRegister, appointOfficers, completeSeptemberSteps, loadNextMeeting } from "./demo-minutes-kept.js";
import { DemoTimeline } from "./demo-timeline.js";

export { DEMO_FOCUS_AREA } from "./demo-cast.js";

export interface DemoSummary {
  readonly commands: number;
  /** The day the demo was loaded (Stockholm): the present-day part is dated from it. */
  readonly loadedOn: string;
  readonly organisations: Readonly<Record<"vasteras" | "eskilstuna" | "mdu", string>>;
  readonly initiatives: Readonly<Record<DemoInitiative, string>>;
  /** The Core Team meeting of 2024-09-19. */
  readonly meetingId: string;
  /** A Core Team member of the demo, to act as in development tokens. */
  readonly coreTeamMemberId: string;
  readonly leadIds: Readonly<Record<DemoInitiative, string>>;
}

/**
 * The demo history of docs/domain.md "Demo data", built by running commands through the real
 * pipeline so that every rule holds by construction, each command on the day it happened
 * (DemoTimeline): recorded time reads as it happened. It retells the Core Team meeting of
 * 2024-09-19 (Samhällskontraktet, "Alla barn och unga lyckas") in our own words, and the
 * November meeting its minutes name, on their real dates; the present-day part
 * (demo-present-day.ts) carries it to the day the demo is loaded. Every person is
 * pseudonymous ("Deltagare Västerås 1"), never a real name. Only into an empty log: the
 * store would otherwise record the past after what it holds.
 *
 * A section added here names its day first with `on(date)`, a day no earlier than the
 * section before it: the timeline refuses to go back in time.
 */
export const loadDemoHistory = Effect.gen(function* () {
  const head = yield* Effect.flatMap(EventStore, (store) => store.headPosition);
  if (head > 0) return yield* Effect.dieMessage(`The demo history goes only into an empty log; this one holds ${head} events`);
  const timeline = new DemoTimeline(yield* Clock.currentTimeMillis);
  if (timeline.today < PRESENT_DAY_EARLIEST) {
    return yield* Effect.dieMessage(`The demo history needs a clock on ${PRESENT_DAY_EARLIEST} or later, not ${timeline.today}`);
  }
  const runner = demoRunner(timeline);
  const { run, idOf } = runner;
  const on = (date: string) => timeline.on(date);
  const system: Principal = { id: "mandat-demo", roles: ["admin"] };

  // January 2024: the organisations, the Core Team (four from Västerås, two from Eskilstuna,
  // three from MDU, two absent on 19 September) and the people who will lead initiatives.
  on("2024-01-15");
  const organisation = (name: string, kind: InputOf<typeof registerOrganisation>["kind"]) =>
    idOf(registerOrganisation, { name, kind }, system);
  const vasteras = yield* organisation("Västerås stad", "municipality");
  const eskilstuna = yield* organisation("Eskilstuna kommun", "municipality");
  const mdu = yield* organisation("Mälardalens universitet", "university");
  // Every demo person can sign in with a development token: a login of the server's own
  // issuer, with the person's id as its subject (`mandat token --person`).
  const person = (organisationId: string, name: string) =>
    Effect.tap(idOf(registerPerson, { organisationId, name }, system), (personId) =>
      run(linkLogin, { personId, issuer: DEVELOPMENT_ISSUER, subject: personId }, system),
    );
  const coreTeam: Array<{ readonly id: string; readonly name: string; readonly attended: boolean }> = [];
  for (const [organisationId, label, count] of [
    [vasteras, "Västerås", 4],
    [eskilstuna, "Eskilstuna", 2],
    [mdu, "MDU", 3],
  ] as const) {
    for (let n = 1; n <= count; n++) {
      const name = `Deltagare ${label} ${n}`;
      coreTeam.push({ id: yield* person(organisationId, name), name, attended: true });
    }
  }
  coreTeam.push({ id: yield* person(vasteras, "Frånvarande 1"), name: "Frånvarande 1", attended: false });
  coreTeam.push({ id: yield* person(eskilstuna, "Frånvarande 2"), name: "Frånvarande 2", attended: false });
  for (const member of coreTeam) {
    yield* run(startCoreTeamMembership, { personId: member.id, focusArea: DEMO_FOCUS_AREA, on: "2024-01-15" }, system);
  }
  const chair: Principal = { id: coreTeam[0]!.id, roles: ["core-team"] };
  const leadIds = {
    dromfabriken: yield* person(vasteras, "Initiativledare Drömfabriken"),
    arby: yield* person(eskilstuna, "Initiativledare Årby/Fröslunda"),
    utmaningsdriven: yield* person(mdu, "Initiativledare Utmaningsdriven utbildning"),
  };

  // March 2024: three initiatives of the focus area, each with a lead and a 42-day cadence.
  on("2024-03-12");
  const initiative = (name: string, description: string, organisationIds: string[]) =>
    idOf(registerInitiative, { name, focusArea: DEMO_FOCUS_AREA, description, organisationIds }, system);
  const initiatives = {
    dromfabriken: yield* initiative("Drömfabriken i Skultuna", "En kreativ mötesplats där barn och unga formar egna projekt.", [
      vasteras,
    ]),
    arby: yield* initiative(
      "Testbädd Årby/Fröslunda",
      "Skola, fritid och socialtjänst prövar nya arbetssätt tillsammans i ett område.",
      [eskilstuna],
    ),
    utmaningsdriven: yield* initiative(
      "Utmaningsdriven utbildning",
      "Studenter vid MDU arbetar med verkliga utmaningar från kommunernas skolor.",
      [mdu, vasteras, eskilstuna],
    ),
  };
  const keys = Object.keys(initiatives) as DemoInitiative[];
  const lead = (key: DemoInitiative): Principal => ({ id: leadIds[key], personId: leadIds[key], roles: ["initiative-lead"] });
  for (const key of keys) {
    yield* run(assignLead, { initiativeId: initiatives[key], personId: leadIds[key], role: "lead" }, system);
    yield* run(agreeCheckInCadence, { initiativeId: initiatives[key], everyDays: 42 }, chair);
  }

  // May 2024: the leads set their goals, which the mandates need.
  on("2024-05-21");
  const goals = {
    dromfabriken: "Fler barn i Skultuna deltar i skapande verksamhet efter skoltid.",
    arby: "Andelen elever med behörighet till gymnasiet ökar i Årby och Fröslunda.",
    utmaningsdriven: "Varje termin löser studentgrupper minst tre utmaningar som skolorna själva formulerat.",
  };
  for (const key of keys) {
    yield* run(
      setGoal,
      {
        initiativeId: initiatives[key],
        statement: goals[key],
        indicator: "Följs upp vid varje avstämning",
        targetDate: "2025-12-31",
      },
      lead(key),
    );
  }

  // A June meeting gave the initiatives their first mandates.
  on("2024-06-13");
  const juneMeeting = yield* idOf(
    holdMeeting,
    {
      body: "core-team",
      focusArea: DEMO_FOCUS_AREA,
      heldOn: "2024-06-13",
      attendees: coreTeam.filter((m) => m.attended).map((m) => m.id),
      absentees: coreTeam.filter((m) => !m.attended).map((m) => m.id),
      agenda: ["Mandat för initiativen hösten 2024", "Kartläggning av styrande sammanhang"],
    },
    chair,
  );
  const mandateDecision = yield* idOf(
    recordDecision,
    {
      meetingId: juneMeeting,
      subject: "Mandat för initiativen",
      decision: "Kärnteamet ger de tre initiativen mandat från 1 juli 2024 till 30 juni 2025.",
      kind: "mandate",
    },
    chair,
  );
  yield* run(
    recordComment,
    {
      meetingId: juneMeeting,
      topic: "Styrande sammanhang",
      comment: "Kartläggningen av interna styrande sammanhang påbörjas under sommaren.",
    },
    chair,
  );
  const decision = { meetingId: juneMeeting, decisionId: mandateDecision };
  const mandates = {
    dromfabriken: yield* idOf(
      grantMandate,
      {
        initiativeId: initiatives.dromfabriken,
        scope: ["Driva mötesplatsen och dess program", "Samarbeta med föreningar i Skultuna"],
        boundaries: ["Inga nya anställningar", "Lokalfrågor beslutas av förvaltningen"],
        principles: ["Barnens idéer först", "Pröva smått innan vi skalar upp"],
        steering: "broad",
        validFrom: "2024-07-01",
        validUntil: "2025-06-30",
        budgetSek: 150_000,
        decision,
      },
      chair,
    ),
    arby: yield* idOf(
      grantMandate,
      {
        initiativeId: initiatives.arby,
        scope: ["Pröva gemensamma arbetssätt mellan skola, fritid och socialtjänst"],
        boundaries: ["Ändrar inte skolornas organisation", "Myndighetsbeslut ligger kvar i linjen"],
        principles: ["Elevens hela dag i fokus"],
        steering: "detailed",
        validFrom: "2024-07-01",
        validUntil: "2025-06-30",
        budgetSek: 250_000,
        decision,
      },
      chair,
    ),
    utmaningsdriven: yield* idOf(
      grantMandate,
      {
        initiativeId: initiatives.utmaningsdriven,
        scope: ["Matcha skolornas utmaningar med studentgrupper"],
        boundaries: ["Studenterna arbetar inom kursens ramar"],
        principles: ["Skolorna äger sina utmaningar"],
        steering: "broad",
        validFrom: "2024-07-01",
        validUntil: "2025-06-30",
        decision,
      },
      chair,
    ),
  };
  on("2024-06-20");
  yield* run(approveMinutes, { meetingId: juneMeeting }, chair);

  // June–August 2024: the mapping of governing contexts, one organisation at a time.
  const context = (
    organisationId: string,
    name: string,
    kind: InputOf<typeof mapGoverningContext>["kind"],
    description: string,
  ) => idOf(mapGoverningContext, { organisationId, name, kind, description }, system);
  on("2024-06-25");
  const vasterasBoard = yield* context(
    vasteras,
    "Barn- och ungdomsnämnden",
    "committee",
    "Politiskt ansvar för förskola och skola i Västerås.",
  );
  const vasterasManagement = yield* context(
    vasteras,
    "Förvaltningsledning barn och ungdom",
    "management-group",
    "Leder förvaltningens verksamheter; bemannar initiativ.",
  );
  on("2024-08-14");
  const eskilstunaBoard = yield* context(
    eskilstuna,
    "Barn- och utbildningsnämnden",
    "committee",
    "Politiskt ansvar för utbildning i Eskilstuna.",
  );
  const eskilstunaNetwork = yield* context(
    eskilstuna,
    "Områdesnätverk Årby/Fröslunda",
    "network",
    "Skolor, fritid och socialtjänst i området.",
  );

  // Check-ins of the late summer, each recorded by the lead on the day it was held.
  const checkIn = (
    key: DemoInitiative,
    heldOn: string,
    clarity: number,
    confidence: number,
    leadershipNeeded: InputOf<typeof holdCheckIn>["leadershipNeeded"],
    notes: string,
  ) => {
    on(heldOn);
    return run(
      holdCheckIn,
      {
        initiativeId: initiatives[key],
        heldOn,
        participants: [leadIds[key], coreTeam[key === "arby" ? 4 : key === "utmaningsdriven" ? 6 : 0]!.id],
        mandateClarity: clarity,
        confidence,
        leadershipNeeded,
        notes,
      },
      lead(key),
    );
  };
  yield* checkIn(
    "dromfabriken",
    "2024-08-20",
    4,
    4,
    "as-is",
    "Sommarens program lockade många; hösten planeras med föreningarna.",
  );
  yield* checkIn("arby", "2024-08-27", 2, 3, "more-direction", "Oklart vem som beslutar när skola och socialtjänst vill olika.");
  on("2024-08-28");
  const mduBoard = yield* context(
    mdu,
    "Akademiledning utbildning",
    "management-group",
    "Beslutar om kurser och studenters medverkan.",
  );
  yield* checkIn("utmaningsdriven", "2024-09-03", 3, 4, "more-detail", "Skolorna behöver hjälp att formulera utmaningar.");

  // Budget 2025, proposed before the September meeting and approved by its decision.
  on("2024-09-05");
  yield* run(
    proposeBudget,
    {
      focusArea: DEMO_FOCUS_AREA,
      year: 2025,
      lines: [
        { purpose: "Drömfabriken i Skultuna", initiativeId: initiatives.dromfabriken, amountSek: 180_000 },
        { purpose: "Testbädd Årby/Fröslunda", initiativeId: initiatives.arby, amountSek: 260_000 },
        { purpose: "Utmaningsdriven utbildning", initiativeId: initiatives.utmaningsdriven, amountSek: 90_000 },
        { purpose: "Gemensam samordning och kärnteamets möten", amountSek: 70_000 },
      ],
    },
    chair,
  );

  // Signals at the edge of the mandates, each sent on the day it was observed and citing
  // the clause of the mandate it pushes on (S1 … scope, B1 … boundaries, as granted above).
  const signal = (
    key: DemoInitiative,
    kind: InputOf<typeof submitSignal>["kind"],
    summary: string,
    mandatePosition: InputOf<typeof submitSignal>["mandatePosition"],
    observedOn: string,
    clauseId: string,
  ) => {
    on(observedOn);
    return idOf(
      submitSignal,
      { initiativeId: initiatives[key], kind, summary, mandatePosition, mandateId: mandates[key], clauseId, observedOn },
      lead(key),
    );
  };
  const resistance = yield* signal(
    "arby",
    "resistance",
    "Socialtjänsten kan inte delta utan beslut i sin egen linje.",
    "beyond",
    "2024-09-10",
    "B2",
  );

  // The Core Team meeting of 2024-09-19.
  on("2024-09-19");
  const meetingId = yield* idOf(
    holdMeeting,
    {
      body: "core-team",
      focusArea: DEMO_FOCUS_AREA,
      heldOn: "2024-09-19",
      attendees: coreTeam.filter((m) => m.attended).map((m) => m.id),
      absentees: coreTeam.filter((m) => !m.attended).map((m) => m.id),
      agenda: ["Uppdateringar", "Budget 2025 – diskussion och beslut", "Att leda i samverkan", "Nästa steg"],
    },
    chair,
  );
  const say = (topic: string, comment: string) => run(recordComment, { meetingId, topic, comment }, chair);
  yield* say("Uppdateringar", "Initiativen lämnade lägesrapporter enligt bilaga; bilagan ingår inte i protokollet.");
  const budgetDecision = yield* idOf(
    recordDecision,
    {
      meetingId,
      subject: "Budget 2025",
      decision: "Kärnteamet godkänner det föreslagna budgetunderlaget för 2025.",
      rationale: "Underlaget presenterades som bilaga och diskuterades punkt för punkt.",
      kind: "budget",
      paragraph: 2,
    },
    chair,
  );
  for (const comment of [
    "Vi behöver se hur budgeten förhåller sig till tidigare år för att kunna fatta bättre beslut.",
    "Hur vet vi att pengarna skapar värde? Förslag: en årlig reflektion över vilket värde som skapats.",
    "Summorna är små; väg hur detaljerad styrningen ska vara mot en bred, målstyrd styrning.",
    "Den verkliga budgeten är betydligt större om lönerna för alla som engagerar sig i initiativen räknas in.",
    "Hur ska vi se på extern finansiering?",
  ]) {
    yield* say("Budget 2025", comment);
  }
  yield* run(
    approveBudget,
    { focusArea: DEMO_FOCUS_AREA, year: 2025, decision: { meetingId, decisionId: budgetDecision } },
    chair,
  );
  for (const comment of [
    "Motstridiga krafter drar alltid i varandra i samverkan.",
    "Samverkan har mandat att agera i kanten av det överenskomna; utanför finns motstånd, och att möta det är en del av ledarskapet.",
    "Att mandatera handlar om att stärka; gränsen mellan det överenskomna och ledarskapet bör vara porös.",
    "Kärnteamet står långt från initiativen i dag och behöver möta dem kontinuerligt för att kunna stödja.",
    "Varje initiativ behöver en tydligare målbild för att mandatering ska bli möjlig.",
    "Mandatering och signalering bör vara en agil process med kortare, tätare avstämningar.",
    "Fråga ofta vilket ledarskap som behövs nu: ibland mer detalj, ibland mindre; styr i breda eller fina penseldrag.",
    "Ge förtroende åt dem som arbetar i initiativen; de går ofta på obanad mark.",
  ]) {
    yield* say("Att leda i samverkan", comment);
  }
  const tension = (
    category: InputOf<typeof raiseTension>["category"],
    description: string,
    intensity: number,
    initiativeIds: string[],
  ) =>
    idOf(raiseTension, { initiativeIds, category, description, intensity, raisedOn: "2024-09-19", source: { meetingId } }, chair);
  const lineTension = yield* tension("line-vs-collaboration", "Svårt att arbeta där linjeorganisationen och samverkan möts.", 4, [
    initiatives.arby,
  ]);
  yield* tension("between-organisations", "Dragkamp mellan verksamheter om tid och personal.", 3, [initiatives.utmaningsdriven]);
  yield* tension(
    "roles",
    "Vad händer när roller glider in i andra roller, och arbete startas där andra chefer redan leder?",
    3,
    [],
  );
  yield* run(agreeNextStep, { meetingId, text: "Nästa möte i kärnteamet hålls i november.", due: "2024-11-30" }, chair);
  for (const [organisationName, ownerIndex] of [
    ["Västerås stad", 0],
    ["Eskilstuna kommun", 4],
    ["Mälardalens universitet", 6],
  ] as const) {
    yield* run(
      agreeNextStep,
      {
        meetingId,
        text: `${organisationName} diskuterar hur interna styrande sammanhang kan kopplas till initiativen.`,
        ownerId: coreTeam[ownerIndex]!.id,
        due: "2024-11-30",
      },
      chair,
    );
  }
  yield* appointOfficers(runner, { chair, coreTeam }, meetingId, [4, 6]);
  on("2024-09-20");
  yield* run(acknowledgeSignal, { signalId: resistance }, chair);
  const firstChallenge = yield* signal(
    "utmaningsdriven",
    "progress",
    "Första studentgruppen har tagit sig an en utmaning från en skola i Eskilstuna.",
    "within",
    "2024-09-25",
    "S1",
  );
  on("2024-09-26");
  yield* adjustAndRegister(runner, { chair, coreTeam }, meetingId, [4, 6]);

  // Drömfabriken asks to let the children's projects run past the end of term; the chair
  // acknowledges it and agrees from 15 October, to be decided by the Core Team in November.
  const longerProjects = yield* signal(
    "dromfabriken",
    "boundary-request",
    "Barnen vill driva projekt över terminsgränsen.",
    "at-edge",
    "2024-09-30",
    "S1",
  );
  yield* checkIn("dromfabriken", "2024-10-01", 4, 3, "more-space", "Barnen vill driva egna projekt längre än mandatet medger.");
  on("2024-10-03");
  yield* run(acknowledgeSignal, { signalId: longerProjects }, chair);

  // The November meeting the September minutes named. It decides Drömfabriken's wider
  // scope from 15 October: an amendment recorded weeks after the day it took effect, so
  // `at=2024-10-20&asOf=2024-11-01` shows the old scope and `at=2024-10-20` the new one.
  on("2024-11-14");
  const attendedInNovember = coreTeam.filter((m) => m.name !== "Frånvarande 2");
  const novemberMeeting = yield* idOf(
    holdMeeting,
    {
      body: "core-team",
      focusArea: DEMO_FOCUS_AREA,
      heldOn: "2024-11-14",
      attendees: attendedInNovember.map((m) => m.id),
      absentees: coreTeam.filter((m) => m.name === "Frånvarande 2").map((m) => m.id),
      agenda: ["Signaler från initiativen", "Styrande sammanhang och initiativen", "Nästa steg"],
    },
    chair,
  );
  yield* completeSeptemberSteps(runner, { chair, coreTeam }, meetingId, "2024-11-14");
  const widerScope = yield* idOf(
    recordDecision,
    {
      meetingId: novemberMeeting,
      subject: "Drömfabrikens mandat",
      decision: "Mandatet utökas så att barnens projekt kan löpa över terminsgränsen, från och med 15 oktober 2024.",
      rationale: "Ordföranden gav klartecken den 15 oktober i väntan på kärnteamets beslut.",
      kind: "mandate",
    },
    chair,
  );
  const widened = yield* run(
    amendMandate,
    {
      initiativeId: initiatives.dromfabriken,
      mandateId: mandates.dromfabriken,
      // S1 reworded by its id, S2 unchanged (keeps its id), the new clause becomes S3.
      changes: {
        scope: [
          { id: "S1", text: "Driva mötesplatsen och dess program, även över loven" },
          "Samarbeta med föreningar i Skultuna",
          "Låta barnens projekt löpa över terminsgränsen",
        ],
      },
      reason: "Barnens projekt behöver få fortsätta när terminen slutar.",
      effectiveFrom: "2024-10-15",
      decision: { meetingId: novemberMeeting, decisionId: widerScope },
      triggeredBy: { signalId: longerProjects },
    },
    chair,
  );
  yield* run(
    answerSignal,
    {
      signalId: longerProjects,
      response: "Mandatet utökas så att projekten kan löpa över terminsgränsen.",
      outcome: "mandate-adjusted",
      // The amendment just recorded is the stream's last event: its revision names it.
      followUp: { mandateId: mandates.dromfabriken, amendment: widened.revision },
    },
    chair,
  );
  yield* run(
    answerSignal,
    {
      signalId: resistance,
      response: "Frågan gäller hur linjen och samverkan möts; den följs som en spänning.",
      outcome: "escalated",
      followUp: { tensionId: lineTension },
    },
    chair,
  );
  yield* run(
    answerSignal,
    { signalId: firstChallenge, response: "Kärnteamet noterar framstegen med glädje.", outcome: "noted" },
    chair,
  );
  // What each organisation brought back on its governing contexts, linked the same day.
  for (const [topic, comment] of [
    ["Styrande sammanhang och initiativen", "Västerås: nämnden beslutar om Drömfabriken; förvaltningsledningen bemannar den."],
    ["Styrande sammanhang och initiativen", "Eskilstuna: nämnden finansierar testbädden; områdesnätverket hålls informerat."],
    ["Styrande sammanhang och initiativen", "MDU: akademiledningen beslutar om studenternas medverkan."],
  ] as const) {
    yield* run(recordComment, { meetingId: novemberMeeting, topic, comment }, chair);
  }
  for (const [initiativeId, organisationId, contextId, relation] of [
    [initiatives.dromfabriken, vasteras, vasterasBoard, "decides"],
    [initiatives.dromfabriken, vasteras, vasterasManagement, "staffs"],
    [initiatives.arby, eskilstuna, eskilstunaBoard, "funds"],
    [initiatives.arby, eskilstuna, eskilstunaNetwork, "informs"],
    [initiatives.utmaningsdriven, mdu, mduBoard, "decides"],
  ] as const) {
    yield* run(linkGoverningContext, { initiativeId, organisationId, contextId, relation }, system);
  }
  yield* run(
    agreeNextStep,
    { meetingId: novemberMeeting, text: "Kärnteamet möter initiativledarna i februari.", due: "2025-02-28" },
    chair,
  );
  on("2024-11-21");
  yield* run(approveMinutes, { meetingId: novemberMeeting }, chair);

  // What the budget comments asked for: external funding, and a first value reflection.
  on("2025-02-01");
  yield* run(
    recordExternalFunding,
    {
      focusArea: DEMO_FOCUS_AREA,
      year: 2025,
      source: "Statsbidrag för likvärdig skola",
      amountSek: 120_000,
      initiativeId: initiatives.arby,
      on: "2025-02-01",
    },
    chair,
  );
  on("2025-06-15");
  yield* run(
    recordValueReflection,
    {
      focusArea: DEMO_FOCUS_AREA,
      year: 2025,
      initiativeId: initiatives.dromfabriken,
      reflection: "Mötesplatsen når barn som inte deltog i annan fritidsverksamhet; värdet syns i deras egna projekt.",
      valueRating: 4,
      on: "2025-06-15",
    },
    chair,
  );

  const cast: DemoCast = { system, chair, coreTeam, initiatives, leadIds, lead };
  yield* loadExternalFundingStatus(runner, cast);
  yield* loadContributionsInKind(runner, cast);
  yield* loadIndicatorReadings(runner, cast);
  yield* loadPresentDay(runner, cast);
  yield* loadNextYearsBudget(runner, cast);
  yield* loadNextMeeting(runner, cast);

  return {
    commands: runner.commands(),
    loadedOn: timeline.today,
    organisations: { vasteras, eskilstuna, mdu },
    initiatives,
    meetingId,
    coreTeamMemberId: chair.id,
    leadIds,
  } satisfies DemoSummary;
});
