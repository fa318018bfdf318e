import type { BrowserContext } from "playwright-core";

/**
 * The API as a browser context's signed-in person calls it: with its session cookie and, for
 * a write, the CSRF header the web app sends (docs/api.md "Auth"). For browser tests that
 * set up data as someone, or make a write elsewhere while a page is open.
 */
export interface SessionApi {
  get<T = any>(path: string): Promise<T>;
  /** A write; fails the test with the API's answer unless it succeeds. */
  post<T = { id: string; position: number }>(path: string, body: unknown): Promise<T>;
}

export function sessionApi(context: BrowserContext, serverUrl: string): SessionApi {
  const csrf = async () => (await context.cookies(serverUrl)).find((cookie) => cookie.name === "mandat-csrf")?.value ?? "";
  const answer = async (response: Awaited<ReturnType<BrowserContext["request"]["get"]>>, what: string): Promise<any> => {
    if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return {
    get: async (path) => answer(await context.request.get(`${serverUrl}${path}`), `GET ${path}`),
    post: async (path, body) =>
      answer(
        await context.request.post(`${serverUrl}${path}`, { data: body, headers: { "x-csrf-token": await csrf() } }),
        `POST ${path}`,
      ),
  };
}
