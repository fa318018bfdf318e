import { randomUUID } from "node:crypto";
import { initiativeStream, organisationStream } from "#domain";
import { describe, expect, it } from "vitest";
import { type Payload, expectRebuildMatchesLive, useProjectionHarness } from "../../../testing/projection-harness.js";
import { governingContextsProjection } from "./projection.js";
import { governingContexts, initiativeContexts, organisation, organisations } from "./queries.js";

const harness = useProjectionHarness([governingContextsProjection]);

const [vasteras, eskilstuna] = [randomUUID(), randomUUID()];
const [initiative, otherInitiative] = [randomUUID(), randomUUID()];
const [committee, network, eskilstunaBoard] = [randomUUID(), randomUUID(), randomUUID()];

// The history's recorded instants, with the millisecond on either side of each.
const REGISTERED = "2024-06-01T10:00:00.000Z";
const MAPPED = "2024-06-10T10:00:00.000Z";
const NETWORK_MAPPED = "2024-06-11T10:00:00.000Z";
const LINKED = "2024-07-01T10:00:00.000Z";
const NETWORK_LINKED = "2024-07-02T10:00:00.000Z";
const RELINKED = "2024-08-01T10:00:00.000Z";
const RETIRED = "2024-09-01T10:00:00.000Z";
const UNLINKED = "2024-10-01T10:00:00.000Z";
const justBefore = (instant: string) => new Date(Date.parse(instant) - 1).toISOString();
const justAfter = (instant: string) => new Date(Date.parse(instant) + 1).toISOString();

const link = (organisationId: string, contextId: string, relation: "decides" | "funds" | "informs" | "staffs") =>
  ({ organisationId, contextId, relation }) as Payload<"GoverningContextLinked">;
const unlink = (organisationId: string, contextId: string, reason: string) =>
  ({ organisationId, contextId, reason }) as Payload<"GoverningContextUnlinked">;
const map = (
  organisationId: string,
  context: { contextId: string; name: string; kind: "committee" | "network" | "management-group"; description: string },
  recordedAt?: string,
) =>
  harness.append(organisationStream(organisationId), "GoverningContextMapped", context as Payload<"GoverningContextMapped">, {
    ...(recordedAt ? { recordedAt } : {}),
  });

/**
 * Västerås maps a committee and a network; the initiative is linked to the committee as
 * `informs`, re-linked as `decides`, and linked to the network, which is retired and then
 * unlinked. Eskilstuna maps a board the other initiative staffs.
 */
async function recordHistory() {
  await harness.append(
    organisationStream(vasteras),
    "OrganisationRegistered",
    { name: "Västerås stad", kind: "municipality" },
    { recordedAt: REGISTERED },
  );
  await harness.append(organisationStream(eskilstuna), "OrganisationRegistered", {
    name: "Eskilstuna kommun",
    kind: "municipality",
  });
  const committeeMapping = {
    contextId: committee,
    name: "Barn- och ungdomsnämnden",
    kind: "committee",
    description: "Schools",
  } as const;
  await map(vasteras, committeeMapping, MAPPED);
  await map(vasteras, { contextId: network, name: "Att leda i samverkan", kind: "network", description: "" }, NETWORK_MAPPED);
  await map(eskilstuna, { contextId: eskilstunaBoard, name: "Ledningsgrupp", kind: "management-group", description: "Heads" });
  await harness.append(initiativeStream(initiative), "GoverningContextLinked", link(vasteras, committee, "informs"), {
    recordedAt: LINKED,
  });
  await harness.append(initiativeStream(initiative), "GoverningContextLinked", link(vasteras, network, "staffs"), {
    recordedAt: NETWORK_LINKED,
  });
  await harness.append(initiativeStream(otherInitiative), "GoverningContextLinked", link(eskilstuna, eskilstunaBoard, "staffs"));
  await harness.append(initiativeStream(initiative), "GoverningContextLinked", link(vasteras, committee, "decides"), {
    recordedAt: RELINKED,
  });
  const retirement = { contextId: network, reason: "Merged" } as Payload<"GoverningContextRetired">;
  await harness.append(organisationStream(vasteras), "GoverningContextRetired", retirement, { recordedAt: RETIRED });
  await harness.append(initiativeStream(initiative), "GoverningContextUnlinked", unlink(vasteras, network, "Context retired"), {
    recordedAt: UNLINKED,
  });
  await harness.sync();
}

describe("governing-contexts: organisations", () => {
  it("lists the registered organisations by name", async () => {
    await recordHistory();
    expect(organisations(harness.db)).toEqual([
      { id: eskilstuna, name: "Eskilstuna kommun", kind: "municipality" },
      { id: vasteras, name: "Västerås stad", kind: "municipality" },
    ]);
  });

  it("finds one organisation by id from the instant it was registered; an unknown id is undefined", async () => {
    await recordHistory();
    const vasterasEntry = { id: vasteras, name: "Västerås stad", kind: "municipality" };
    expect(organisation(harness.db, vasteras)).toEqual(vasterasEntry);
    expect(organisation(harness.db, vasteras, { asOf: REGISTERED })).toEqual(vasterasEntry);
    expect(organisation(harness.db, vasteras, { asOf: justBefore(REGISTERED) })).toBeUndefined();
    expect(organisation(harness.db, randomUUID())).toBeUndefined();
  });
});

describe("governing-contexts: governingContexts", () => {
  it("lists an organisation's contexts by name with the initiatives linked now", async () => {
    await recordHistory();
    expect(governingContexts(harness.db, vasteras)).toEqual([
      {
        contextId: network,
        name: "Att leda i samverkan",
        kind: "network",
        description: "",
        status: "retired",
        linkedInitiatives: [],
      },
      {
        contextId: committee,
        name: "Barn- och ungdomsnämnden",
        kind: "committee",
        description: "Schools",
        status: "mapped",
        linkedInitiatives: [{ initiativeId: initiative, relation: "decides", linkedAt: RELINKED }],
      },
    ]);
    expect(governingContexts(harness.db, eskilstuna).map((c) => c.linkedInitiatives)).toEqual([
      [{ initiativeId: otherInitiative, relation: "staffs", linkedAt: NETWORK_LINKED }],
    ]);
    expect(governingContexts(harness.db, randomUUID())).toEqual([]);
  });

  it("shows a context from the instant its mapping was recorded", async () => {
    await recordHistory();
    const names = (asOf: string) => governingContexts(harness.db, vasteras, { asOf }).map((c) => c.name);
    expect(names(justBefore(MAPPED))).toEqual([]);
    expect(names(MAPPED)).toEqual(["Barn- och ungdomsnämnden"]);
    expect(names(justAfter(MAPPED))).toEqual(["Barn- och ungdomsnämnden"]);
    expect(names(NETWORK_MAPPED)).toEqual(["Att leda i samverkan", "Barn- och ungdomsnämnden"]);
  });

  it("shows a context as retired from the instant its retirement was recorded", async () => {
    await recordHistory();
    const statusOfNetwork = (asOf: string) =>
      governingContexts(harness.db, vasteras, { asOf }).find((c) => c.contextId === network)?.status;
    expect(statusOfNetwork(justBefore(RETIRED))).toBe("mapped");
    expect(statusOfNetwork(RETIRED)).toBe("retired");
    expect(statusOfNetwork(justAfter(RETIRED))).toBe("retired");
  });

  it("shows each link as known at asOf: linked, re-linked under another relation, unlinked", async () => {
    await recordHistory();
    const linksOf = (contextId: string, asOf: string) =>
      governingContexts(harness.db, vasteras, { asOf })
        .find((c) => c.contextId === contextId)
        ?.linkedInitiatives.map(({ relation, linkedAt }) => ({ relation, linkedAt }));
    expect(linksOf(committee, justBefore(LINKED))).toEqual([]);
    expect(linksOf(committee, LINKED)).toEqual([{ relation: "informs", linkedAt: LINKED }]);
    expect(linksOf(committee, justBefore(RELINKED))).toEqual([{ relation: "informs", linkedAt: LINKED }]);
    expect(linksOf(committee, RELINKED)).toEqual([{ relation: "decides", linkedAt: RELINKED }]);
    expect(linksOf(committee, justAfter(RELINKED))).toEqual([{ relation: "decides", linkedAt: RELINKED }]);
    expect(linksOf(network, justBefore(UNLINKED))).toEqual([{ relation: "staffs", linkedAt: NETWORK_LINKED }]);
    expect(linksOf(network, UNLINKED)).toEqual([]);
    expect(linksOf(network, justAfter(UNLINKED))).toEqual([]);
  });
});

describe("governing-contexts: initiativeContexts", () => {
  it("lists the contexts an initiative is linked to, in link order, as known at asOf", async () => {
    await recordHistory();
    const contexts = (asOf?: string) => initiativeContexts(harness.db, initiative, asOf === undefined ? {} : { asOf });
    const committeeAs = (relation: string) => ({
      organisationId: vasteras,
      contextId: committee,
      name: "Barn- och ungdomsnämnden",
      relation,
    });
    expect(contexts()).toEqual([committeeAs("decides")]);
    expect(contexts(justBefore(LINKED))).toEqual([]);
    expect(contexts(LINKED)).toEqual([committeeAs("informs")]);
    expect(contexts(justBefore(UNLINKED))).toEqual([
      { organisationId: vasteras, contextId: network, name: "Att leda i samverkan", relation: "staffs" },
      committeeAs("decides"),
    ]);
    expect(contexts(UNLINKED).map((c) => c.contextId)).toEqual([committee]);
    expect(initiativeContexts(harness.db, otherInitiative)).toEqual([
      { organisationId: eskilstuna, contextId: eskilstunaBoard, name: "Ledningsgrupp", relation: "staffs" },
    ]);
    expect(initiativeContexts(harness.db, randomUUID())).toEqual([]);
  });

  it("rebuilds to exactly the rows it holds live", async () => {
    await recordHistory();
    await expectRebuildMatchesLive(harness);
  });
});
