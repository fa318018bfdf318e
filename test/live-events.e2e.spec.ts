import { ExpectedRevision, type EventToAppend } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import { Effect } from "effect";
import { connect } from "node:net";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectProblem, logHead, ok, seedInitiative } from "./support/fixtures.js";
import { type LiveFeed, openLiveFeed } from "./support/live-feed.js";
import { type ApiClient, type MandatServer, api, serverForFile, tokenFor, tokenOf } from "./support/mandat-server.js";
import { leadClient } from "./support/people.js";
import { TEST_METRICS_TOKEN, eventually, sample, scrape } from "./support/metrics.js";

/** GET /api/v1/events/live: Server-Sent Events of each new event's type, streamId and position. */
let server: MandatServer;
let core: ApiClient;
let auditor: ApiClient;
let anonymous: ApiClient;
let auth: Record<string, string>;
const feeds: LiveFeed[] = [];

const open = async (headers: Record<string, string> = auth) => {
  const feed = await openLiveFeed(server.url, headers);
  feeds.push(feed);
  return feed;
};

const PER_PRINCIPAL = 2;
const TOTAL = 4;
const BUFFER_BYTES = 256 * 1024;

serverForFile((started) => ({ server, core, auditor, anonymous } = started), {
  demo: "off",
  env: {
    MANDAT_LIVE_FEEDS_PER_PRINCIPAL: String(PER_PRINCIPAL),
    MANDAT_LIVE_FEEDS_TOTAL: String(TOTAL),
    MANDAT_LIVE_FEED_BUFFER_BYTES: String(BUFFER_BYTES),
    METRICS_TOKEN: TEST_METRICS_TOKEN,
  },
});

/** Feeds end on the server a moment after their clients leave: wait for them to be gone. */
const noFeedsOpen = () => eventually(server.url, "mandat_live_feeds_open", (open) => open === 0);

const bearer = async (sub: string) => ({ authorization: `Bearer ${await tokenFor("auditor", { sub })}` });

beforeAll(async () => {
  auth = { authorization: `Bearer ${await tokenFor("auditor")}` };
  ok(await core.post("/api/v1/organisations", { name: "Före anslutningen", kind: "other" }));
});

afterEach(() => {
  for (const feed of feeds.splice(0)) feed.close();
});

describe("GET /api/v1/events/live", () => {
  it("needs a token: 401 problem+json without one, or with a bad one", async () => {
    const tokenless = await anonymous.get("/api/v1/events/live");
    expectProblem(tokenless, 401, "/problems/unauthenticated");
    expect(tokenless.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
    expectProblem(await api(server.url, "forged.token.here").get("/api/v1/events/live"), 401);
  });

  it("streams `data: { type, streamId, position }` for the events written after connecting, each with its id", async () => {
    const head = await logHead(auditor);
    const feed = await open();
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toMatch(/^text\/event-stream/);
    // As every answer: the security headers and the language, though the stream writes its own head.
    expect(feed.headers.get("x-content-type-options")).toBe("nosniff");
    expect(feed.headers.get("content-security-policy")).toBeTruthy();
    expect(feed.headers.get("content-language")).toBeTruthy();
    // The access log names the feed by this id (docs/api.md "Logs").
    expect(feed.headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const organisation = ok(await core.post("/api/v1/organisations", { name: "Efter anslutningen", kind: "municipality" }));
    const context = ok(
      await core.post(`/api/v1/organisations/${organisation.id}/governing-contexts`, {
        name: "Nämnden",
        kind: "committee",
        description: "",
      }),
    );
    const person = ok(await core.post("/api/v1/people", { organisationId: organisation.id, name: "Livsperson" }));

    const frames = await feed.take(3);
    expect(frames.map((f) => f.data)).toEqual([
      { type: "OrganisationRegistered", streamId: `organisation-${organisation.id}`, position: organisation.position },
      { type: "GoverningContextMapped", streamId: `organisation-${organisation.id}`, position: context.position },
      { type: "PersonRegistered", streamId: `person-${person.id}`, position: person.position },
    ]);
    expect(frames.map((f) => f.id)).toEqual(frames.map((f) => String(f.data.position)));
    // Nothing from before the connection.
    expect(frames[0]!.data.position).toBe(head + 1);
  });

  it("every role may listen; two listeners both get each event", async () => {
    // A lead: a person assigned to an initiative in the log, signed in with a login linked to them.
    const led = await seedInitiative(core, "Lyssnarnas initiativ");
    const { personId } = await leadClient(server.url, api(server.url, await tokenFor("admin")), [led.initiativeId]);
    const lead = await open({ authorization: `Bearer ${await tokenOf(`e2e-${personId}`)}` });
    const admin = await open({ authorization: `Bearer ${await tokenFor("admin")}` });
    expect(lead.status).toBe(200);
    expect(admin.status).toBe(200);
    const written = ok(await core.post("/api/v1/organisations", { name: "Till alla", kind: "region" }));
    const matches = (frame: { data: { position: number } }) => frame.data.position === written.position;
    expect((await lead.next(matches)).data.type).toBe("OrganisationRegistered");
    expect((await admin.next(matches)).data.streamId).toBe(`organisation-${written.id}`);
  });

  it("resumes after a Last-Event-ID: the next frame is the event after it", async () => {
    const first = ok(await core.post("/api/v1/organisations", { name: "Ett", kind: "other" }));
    const second = ok(await core.post("/api/v1/organisations", { name: "Två", kind: "other" }));
    const third = ok(await core.post("/api/v1/organisations", { name: "Tre", kind: "other" }));
    const feed = await open({ ...auth, "last-event-id": String(first.position) });
    expect(feed.status).toBe(200);
    const [a, b] = await feed.take(2);
    expect(a!.data).toEqual({ type: "OrganisationRegistered", streamId: `organisation-${second.id}`, position: second.position });
    expect(b!.data).toEqual({ type: "OrganisationRegistered", streamId: `organisation-${third.id}`, position: third.position });
    // And it goes on live.
    const fourth = ok(await core.post("/api/v1/organisations", { name: "Fyra", kind: "other" }));
    expect((await feed.next()).data.position).toBe(fourth.position);
  });

  it("a Last-Event-ID that is not a position is 400", async () => {
    const response = await anonymous.get("/api/v1/events/live", { ...auth, "last-event-id": "yesterday" });
    expectProblem(response, 400);
  });

  it(`holds ${PER_PRINCIPAL} feeds per principal and ${TOTAL} in all: 429 problem+json with Retry-After beyond`, async () => {
    await noFeedsOpen();
    const mine = await bearer("e2e-caps-mine");
    for (let i = 0; i < PER_PRINCIPAL; i++) expect((await open(mine)).status).toBe(200);
    const refused = await anonymous.get("/api/v1/events/live", { ...mine, "accept-language": "sv" });
    expectProblem(refused, 429, "/problems/too-many-requests");
    expect(refused.body.title).toBe("För många förfrågningar");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);

    // Others may still listen, up to the total.
    for (let i = PER_PRINCIPAL; i < TOTAL; i++) expect((await open(await bearer(`e2e-caps-other-${i}`))).status).toBe(200);
    const full = await anonymous.get("/api/v1/events/live", await bearer("e2e-caps-late"));
    expectProblem(full, 429, "/problems/too-many-requests");
    expect(full.body.detail).toMatch(/server/);

    // A feed that closes frees its place.
    feeds.shift()!.close();
    await eventually(server.url, "mandat_live_feeds_open", (count) => count === TOTAL - 1);
    expect((await open(mine)).status).toBe(200);
  });

  it("drops a reader that does not read once its buffer passes the limit; the others get every event", async () => {
    await noFeedsOpen();
    // A reader that keeps up: a bare socket that takes every byte as it comes.
    const reader = connectReading(server.url, await tokenFor("auditor", { sub: "e2e-reads" }));
    const stalled = connectWithoutReading(server.url, await tokenFor("auditor", { sub: "e2e-never-reads" }));
    try {
      await eventually(server.url, "mandat_live_feeds_open", (count) => count === 2);
      const droppedBefore = sample(await scrape(server.url), "mandat_live_feeds_dropped_total") ?? 0;

      // Far more than the operating system's socket buffers and the limit hold, appended
      // as another process (the command line) may: the server's subscription picks it up.
      const last = await appendNoise(join(server.dataDir, "mandat.sqlite"), 10, 1_000);
      await reader.received(`id: ${last}\n`);

      await eventually(server.url, "mandat_live_feeds_open", (count) => count === 1);
      expect(sample(await scrape(server.url), "mandat_live_feeds_dropped_total")).toBe(droppedBefore + 1);
      const drop = server
        .output()
        .split("\n")
        .find((line) => line.includes("live feed dropped"));
      expect(JSON.parse(drop!)).toMatchObject({ principal: "e2e-never-reads", limitBytes: BUFFER_BYTES });
    } finally {
      stalled.destroy();
      reader.socket.destroy();
    }
  });
});

/** A GET of the live feed on a bare socket. */
function connectLive(url: string, token: string) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname, () => {
    socket.write(`GET /api/v1/events/live HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\n\r\n`);
  });
  socket.on("error", () => {});
  return socket;
}

/** A live feed that never reads a byte of the answer. */
function connectWithoutReading(url: string, token: string) {
  const socket = connectLive(url, token);
  socket.pause();
  return socket;
}

/** A live feed read as fast as it comes; `received` resolves once `text` has arrived (it keeps only the latest bytes). */
function connectReading(url: string, token: string) {
  const socket = connectLive(url, token);
  let tail = "";
  socket.setEncoding("utf8").on("data", (chunk: string) => (tail = (tail + chunk).slice(-8_192)));
  const received = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!tail.includes(text)) return;
        socket.off("data", check).off("close", closed);
        resolve();
      };
      const closed = () => reject(new Error(`The feed closed before ${JSON.stringify(text)} arrived`));
      socket.on("data", check).once("close", closed);
      check();
    });
  return { socket, received };
}

/** `streams` × `perStream` events of a type no read model knows, with long stream ids (long frames); the last position. */
async function appendNoise(path: string, streams: number, perStream: number): Promise<number> {
  const store = SqliteEventStore.open({ path });
  try {
    const metadata = { actor: { id: "e2e", roles: ["admin"] }, commandId: "e2e", correlationId: "e2e", causationId: "e2e" };
    const event: EventToAppend = { type: "LiveFeedNoise", schemaVersion: 1, data: {}, metadata };
    let last = 0;
    for (let stream = 0; stream < streams; stream++) {
      const streamId = `noise-${stream}-${"x".repeat(500)}`;
      const written = await Effect.runPromise(store.append(streamId, Array(perStream).fill(event), ExpectedRevision.any));
      last = written.position;
    }
    return last;
  } finally {
    store.close();
  }
}
