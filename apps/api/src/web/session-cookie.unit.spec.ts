import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIE, csrfMatches, openSession, sealSession, sessionKey } from "./session-cookie.js";

const requestWith = (headers: Record<string, string>) => ({ headers }) as unknown as FastifyRequest;

const session = { token: "header.payload.signature", csrf: "the-csrf-secret" };

describe("the web session cookie", () => {
  it("opens with the key it was sealed with, and with no other", async () => {
    const key = sessionKey("a server secret");
    const sealed = await sealSession(session, key);
    expect(sealed).not.toContain(session.token);
    expect(await openSession(requestWith({ cookie: `other=1; ${SESSION_COOKIE}=${sealed}` }), key)).toEqual(session);
    expect(
      await openSession(requestWith({ cookie: `${SESSION_COOKIE}=${sealed}` }), sessionKey("another secret")),
    ).toBeUndefined();
  });

  it("does not open once altered, nor when it is missing", async () => {
    const key = sessionKey(undefined);
    const sealed = await sealSession(session, key);
    const altered = `${sealed.slice(0, -6)}${sealed.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA"}`;
    expect(await openSession(requestWith({ cookie: `${SESSION_COOKIE}=${altered}` }), key)).toBeUndefined();
    expect(await openSession(requestWith({}), key)).toBeUndefined();
  });

  it("takes its key from the server's secret, so sessions outlive a restart; without one, a random key", () => {
    expect(sessionKey("s")).toEqual(sessionKey("s"));
    expect(sessionKey(undefined)).not.toEqual(sessionKey(undefined));
  });

  it("admits a write only when the header, the readable cookie and the session agree", () => {
    const cookie = `mandat-csrf=${session.csrf}`;
    expect(csrfMatches(requestWith({ cookie, "x-csrf-token": session.csrf }), session)).toBe(true);
    expect(csrfMatches(requestWith({ cookie }), session)).toBe(false);
    expect(csrfMatches(requestWith({ cookie, "x-csrf-token": "another" }), session)).toBe(false);
    // A value planted in the readable cookie and echoed is not the session's.
    expect(csrfMatches(requestWith({ cookie: "mandat-csrf=planted", "x-csrf-token": "planted" }), session)).toBe(false);
  });
});
