import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { seal, unseal } from "./sealed.js";

/**
 * The web app's session (backend-for-frontend): the browser never sees the token. The
 * server keeps it in an `HttpOnly` cookie, encrypted and authenticated (JWE, `dir` with
 * A256GCM), so it can be neither read by a script nor forged or altered by anyone.
 * The cookie also holds the session's CSRF secret, which the browser gets in a second,
 * readable cookie and must echo in `X-CSRF-Token` on every write (double submit, bound to
 * the session: a value planted in the readable cookie alone does not match).
 */
export const SESSION_COOKIE = "mandat-session";
export const CSRF_COOKIE = "mandat-csrf";
export const CSRF_HEADER = "x-csrf-token";

export interface Session {
  readonly token: string;
  readonly csrf: string;
}

/** The key: from the server's secret when it has one (sessions survive a restart), else random per process. */
export const sessionKey = (secret: string | undefined): Uint8Array =>
  secret === undefined
    ? new Uint8Array(randomBytes(32))
    : new Uint8Array(createHash("sha256").update(`mandat web session\0${secret}`).digest());

/** Cookies of a request by name (RFC 6265 `Cookie` header; the first of a repeated name wins). */
export function cookiesOf(request: FastifyRequest): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(at + 1).trim());
  }
  return cookies;
}

export const sealSession = (session: Session, key: Uint8Array): Promise<string> => seal(session, key);

/** Whether the request carries a session cookie at all, whether or not it opens. */
export const hasSessionCookie = (request: FastifyRequest): boolean => cookiesOf(request).has(SESSION_COOKIE);

/** The session in the request's cookie, or undefined when there is none or it does not open with our key. */
export async function openSession(request: FastifyRequest, key: Uint8Array): Promise<Session | undefined> {
  const sealed = cookiesOf(request).get(SESSION_COOKIE);
  if (!sealed) return undefined;
  const { token, csrf } = (await unseal(sealed, key)) ?? {};
  return typeof token === "string" && typeof csrf === "string" ? { token, csrf } : undefined;
}

/** The request echoes the session's CSRF secret in the header, and the readable cookie agrees. */
export function csrfMatches(request: FastifyRequest, session: Session): boolean {
  const header = request.headers[CSRF_HEADER];
  const cookie = cookiesOf(request).get(CSRF_COOKIE);
  if (typeof header !== "string" || header !== cookie) return false;
  const [given, expected] = [Buffer.from(header), Buffer.from(session.csrf)];
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * `Secure` over HTTPS, and always when `secure` says so: the OIDC sign-in is for production,
 * behind HTTPS (a proxy may speak plain HTTP to the server); browsers keep a Secure cookie
 * from http://localhost too.
 */
const attributes = (request: FastifyRequest, maxAgeSeconds: number, secure: boolean) =>
  `Path=/; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure || request.protocol === "https" ? "; Secure" : ""}`;

/** Sets both cookies: the sealed session (HttpOnly) and its CSRF secret (readable by the app). */
export async function startSession(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  key: Uint8Array,
  maxAgeSeconds: number,
  secure = false,
): Promise<void> {
  const csrf = randomBytes(32).toString("base64url");
  const sealed = await sealSession({ token, csrf }, key);
  reply.header("set-cookie", [
    `${SESSION_COOKIE}=${sealed}; HttpOnly; ${attributes(request, maxAgeSeconds, secure)}`,
    `${CSRF_COOKIE}=${csrf}; ${attributes(request, maxAgeSeconds, secure)}`,
  ]);
}

export function endSession(request: FastifyRequest, reply: FastifyReply, secure = false): void {
  reply.header("set-cookie", [
    `${SESSION_COOKIE}=; HttpOnly; ${attributes(request, 0, secure)}`,
    `${CSRF_COOKIE}=; ${attributes(request, 0, secure)}`,
  ]);
}
