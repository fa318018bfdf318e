import { signToken } from "#platform";
import { describe, expect, it } from "vitest";
import { ok } from "./support/fixtures.js";
import { openLiveFeed } from "./support/live-feed.js";
import { type ApiClient, type MandatServer, TEST_SECRET, serverForFile, tokenFor } from "./support/mandat-server.js";

/** docs/api.md "Live feed": a feed ends when the token it was opened with expires. */
let server: MandatServer;
let core: ApiClient;
serverForFile((started) => ({ server, core } = started));

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("a live feed and its token", () => {
  it("ends when its token expires, while a feed opened with a longer-lived token stays open", async () => {
    const shortLived = await signToken({ sub: "e2e-short-lived", roles: ["auditor"] }, TEST_SECRET, "3s");
    const expiring = await openLiveFeed(server.url, bearer(shortLived));
    const lasting = await openLiveFeed(server.url, bearer(await tokenFor("auditor", { sub: "e2e-long-lived" })));
    expect([expiring.status, lasting.status]).toEqual([200, 200]);
    const written = ok(await core.post("/api/v1/organisations", { name: "Före utgången", kind: "other" }));
    const matches = (frame: { data: { position: number } }) => frame.data.position === written.position;
    await expiring.next(matches);
    await lasting.next(matches);

    let endedAt: number | undefined;
    void expiring.ended.then(() => (endedAt = Date.now()));
    await Promise.race([expiring.ended, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    expect(endedAt, "the feed of the expired token ended").toBeDefined();

    // The other feed still delivers.
    const after = ok(await core.post("/api/v1/organisations", { name: "Efter utgången", kind: "other" }));
    expect((await lasting.next((frame) => frame.data.position === after.position)).data.type).toBe("OrganisationRegistered");
    lasting.close();
  });
});
