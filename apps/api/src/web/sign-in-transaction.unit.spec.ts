import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { sessionKey } from "./session-cookie.js";
import { seal } from "./sealed.js";
import { TRANSACTION_COOKIE, pendingSignIn, safeReturnTo } from "./sign-in-transaction.js";

const requestWith = (cookie: string) => ({ headers: { cookie } }) as unknown as FastifyRequest;
const key = sessionKey("a secret");
const pending = { state: "s", nonce: "n", verifier: "v", returnTo: "/portfolj" };

describe("safeReturnTo", () => {
  it.each(["/", "/portfolj", "/initiativ/abc?flik=mandat#brev"])("keeps %s, a path of this origin", (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "evil",
    "/a b",
    "javascript:alert(1)",
    "",
    undefined,
    7,
  ])("turns %s into /", (value) => {
    expect(safeReturnTo(value)).toBe("/");
  });
});

describe("the pending sign-in cookie", () => {
  it("opens with the key while fresh", async () => {
    const sealed = await seal({ ...pending, expiresAt: Date.now() + 60_000 }, key);
    expect(await pendingSignIn(requestWith(`${TRANSACTION_COOKIE}=${sealed}`), key)).toEqual(pending);
  });

  it("is nothing once expired, under another key, or altered", async () => {
    const stale = await seal({ ...pending, expiresAt: Date.now() - 1 }, key);
    expect(await pendingSignIn(requestWith(`${TRANSACTION_COOKIE}=${stale}`), key)).toBeUndefined();
    const fresh = await seal({ ...pending, expiresAt: Date.now() + 60_000 }, key);
    expect(await pendingSignIn(requestWith(`${TRANSACTION_COOKIE}=${fresh}`), sessionKey("another"))).toBeUndefined();
    // One character of the sealed text changed: the one replaced, not the last, decides the new
    // one (a test that looked at the last one left the text unchanged once in 64 runs).
    const altered = `${fresh.slice(0, -3)}${fresh.at(-3) === "A" ? "B" : "A"}${fresh.slice(-2)}`;
    expect(altered).not.toBe(fresh);
    expect(await pendingSignIn(requestWith(`${TRANSACTION_COOKIE}=${altered}`), key)).toBeUndefined();
  });
});
