import { afterEach, describe, expect, it, vi } from "vitest";
import { nextPage, read } from "./client";

const ORIGIN = "http://127.0.0.1:3000";

const page = (items: unknown[], link?: string) =>
  new Response(JSON.stringify(items), { headers: { "content-type": "application/json", ...(link ? { link } : {}) } });

describe("a list read", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("finds the next page in the Link header, relative to the page read", () => {
    expect(nextPage(page([], '</api/v1/decisions?cursor=abc>; rel="next"'), "/api/v1/decisions", ORIGIN)).toBe(
      "/api/v1/decisions?cursor=abc",
    );
    expect(nextPage(page([], '<?limit=200&cursor=x%3D>; rel="next"'), "/api/v1/people?limit=200", ORIGIN)).toBe(
      "/api/v1/people?limit=200&cursor=x%3D",
    );
    expect(nextPage(page([]), "/api/v1/decisions", ORIGIN)).toBeUndefined();
    expect(nextPage(page([], '</api/v1/decisions?cursor=abc>; rel="prev"'), "/api/v1/decisions", ORIGIN)).toBeUndefined();
  });

  it("follows every next page, so a page shows the whole list and not its first 200", async () => {
    vi.stubGlobal("window", { location: { origin: ORIGIN } });
    const asked: string[] = [];
    vi.stubGlobal("fetch", async (path: string) => {
      asked.push(path);
      if (path === "/api/v1/decisions") return page([1, 2], '</api/v1/decisions?cursor=2>; rel="next"');
      if (path === "/api/v1/decisions?cursor=2") return page([3, 4], '</api/v1/decisions?cursor=4>; rel="next"');
      return page([5]);
    });
    expect(await read<number[]>("/api/v1/decisions", "sv")).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual(["/api/v1/decisions", "/api/v1/decisions?cursor=2", "/api/v1/decisions?cursor=4"]);
  });
});
