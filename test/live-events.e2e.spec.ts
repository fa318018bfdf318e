import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectProblem, logHead, ok } from "./support/fixtures.js";
import { type LiveFeed, openLiveFeed } from "./support/live-feed.js";
import { type ApiClient, type MandatServer, api, serverForFile, tokenFor } from "./support/mandat-server.js";

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

serverForFile((started) => ({ server, core, auditor, anonymous } = started));

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
    const lead = await open({ authorization: `Bearer ${await tokenFor("initiative-lead", { initiatives: [] })}` });
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
});
