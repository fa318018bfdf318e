import { beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, type ApiResponse, serverForFile } from "./support/mandat-server.js";

/**
 * Issue 15 part C, docs/api.md "Documentation": /docs is Swagger UI, served by the server
 * itself from its npm distribution (it works offline), and passes the content security
 * policy: no inline script, the start in a served file.
 */
let anonymous: ApiClient;
serverForFile((started) => ({ anonymous } = started));

const BROWSER = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

let page: ApiResponse<string>;
beforeAll(async () => {
  page = await anonymous.get("/docs", BROWSER);
});

describe("GET /docs in a browser", () => {
  it("is Swagger UI's page, its script and style from this server, none inline", () => {
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.body).toContain('<div id="swagger-ui"></div>');
    const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([, attributes]) => /src="([^"]+)"/.exec(attributes!)?.[1])).toEqual([
      "/docs/assets/swagger-ui-bundle.js",
      "/docs/assets/init.js",
    ]);
    for (const [, , body] of scripts) expect(body).toBe("");
    expect(page.body).toContain('<link rel="stylesheet" href="/docs/assets/swagger-ui.css">');
    expect(page.body).not.toMatch(/https?:\/\//);
  });

  it("is answered under a policy that allows scripts from this origin only", () => {
    const policy = page.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("serves each file the page names, Swagger UI's own from its npm distribution", async () => {
    const bundle = await anonymous.get("/docs/assets/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(bundle.body).toContain("SwaggerUIBundle");
    const style = await anonymous.get("/docs/assets/swagger-ui.css");
    expect(style.status).toBe(200);
    expect(style.headers.get("content-type")).toMatch(/^text\/css/);
    const init = await anonymous.get("/docs/assets/init.js");
    expect(init.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(init.body).toContain('url: "/docs/openapi.json"');
    expect(init.body).toContain("validatorUrl: null");
  });

  it("serves nothing else from the assets: an unknown name or a path out of them is 404", async () => {
    for (const path of ["/docs/assets/package.json", "/docs/assets/..%2Fpackage.json", "/docs/assets/index.html"]) {
      expect((await anonymous.get(path)).status, path).toBe(404);
    }
  });

  it("still lists every endpoint for a browser without scripts", () => {
    const listing = /<noscript>([\s\S]*)<\/noscript>\s*<script/.exec(page.body)?.[1] ?? "";
    expect(listing).toContain("/api/v1/initiatives");
    expect(listing).toContain("/docs/openapi.json");
  });
});
