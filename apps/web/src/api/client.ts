import type { Language } from "../i18n/messages";

/** A field's error as the API names it: `body.summary` → `summary`. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** An answer that is an RFC 9457 problem (docs/api.md "Errors"), in the language asked for. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: ReadonlyArray<FieldError>,
  ) {
    super(title);
  }
}

/**
 * The highest `Log-Position` a write of this page answered. Reads pass it as `minPosition`,
 * so the page never shows a state from before the person's own write (docs/api.md "Reads").
 */
let lastWritePosition = 0;
export const logPosition = (): number => lastWritePosition;

/**
 * The highest position the live feed announced (api/live.ts). Reads wait for it too: the
 * refresh an event asks for then shows that event, though the read models may be a moment
 * behind the feed. The query keys keep `logPosition()`, the page's own writes.
 */
let lastAnnouncedPosition = 0;
export function announcePosition(position: number): void {
  if (position > lastAnnouncedPosition) lastAnnouncedPosition = position;
}

/** The session's CSRF secret, from the readable cookie the server set at sign-in. */
const csrfToken = (): string | undefined =>
  document.cookie
    .split("; ")
    .find((cookie) => cookie.startsWith("mandat-csrf="))
    ?.slice("mandat-csrf=".length);

/** What a write may say besides its body (docs/api.md "Idempotency"). */
export interface WriteOptions {
  /** The same key with the same body answers the first write again, appending nothing. */
  readonly idempotencyKey?: string;
}

/** The next page of a list (docs/api.md "Lists"): `Link: <…>; rel="next"`, resolved against the page read. */
export function nextPage(response: Response, path: string, origin = window.location.origin): string | undefined {
  const next = /<([^>]*)>\s*;\s*rel="?next"?/.exec(response.headers.get("link") ?? "")?.[1];
  if (next === undefined) return undefined;
  const url = new URL(next, new URL(path, origin));
  return url.pathname + url.search;
}

async function send<T>(
  method: "GET" | "POST",
  path: string,
  language: Language,
  body?: unknown,
  options: WriteOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": language };
  if (options.idempotencyKey !== undefined) headers["idempotency-key"] = options.idempotencyKey;
  if (method === "POST") {
    headers["content-type"] = "application/json";
    const csrf = csrfToken();
    if (csrf) headers["x-csrf-token"] = csrf;
  }
  // Same origin: the session cookie goes along by itself; the token never reaches this script.
  const response = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const position = Number(response.headers.get("log-position"));
  if (method === "POST" && response.ok && position > lastWritePosition) lastWritePosition = position;
  if (response.status === 204) return undefined as T;
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = (json ?? {}) as { type?: string; title?: string; detail?: string; errors?: FieldError[] };
    throw new ApiProblem(
      response.status,
      problem.type ?? "",
      problem.title ?? response.statusText,
      problem.detail,
      problem.errors ?? [],
    );
  }
  // A list comes in pages of at most 200: the pages show whole lists, so a read follows
  // every next page (the decision log of a few years, the people of three organisations).
  const next = method === "GET" && Array.isArray(json) ? nextPage(response, path) : undefined;
  if (next !== undefined) return [...(json as unknown[]), ...(await send<unknown[]>("GET", next, language))] as T;
  return json as T;
}

/** A read of the API, waiting for the last write of this page to be in the read models. */
export function read<T>(path: string, language: Language): Promise<T> {
  const position = Math.max(logPosition(), lastAnnouncedPosition);
  const url = position > 0 ? `${path}${path.includes("?") ? "&" : "?"}minPosition=${position}` : path;
  return send<T>("GET", url, language);
}

export const write = <T>(path: string, body: unknown, language: Language, options?: WriteOptions): Promise<T> =>
  send<T>("POST", path, language, body, options);

/** A problem type's page as JSON (`/problems/<name>`): its title and meaning in both languages. */
export interface ProblemTypePage {
  readonly title: Readonly<Record<Language, string>>;
}

/** Reads a problem type's page; public, and the same for everyone. */
export async function readProblemType(type: string): Promise<ProblemTypePage> {
  const response = await fetch(type, { headers: { accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) throw new ApiProblem(response.status, "", response.statusText, undefined, []);
  return (await response.json()) as ProblemTypePage;
}
