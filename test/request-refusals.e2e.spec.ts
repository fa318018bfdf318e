import { describe, expect, it } from "vitest";
import { FOCUS_AREA, appendsNothing, expectProblem, ok } from "./support/fixtures.js";
import { type ApiClient, type ApiResponse, serverForFile } from "./support/mandat-server.js";
import { rawExchange, requestHead } from "./support/raw-http.js";

/**
 * Issue 15, defects 1, 2, 3 and 5: what a careless or hostile client sends is refused as
 * problem+json naming what is wrong, and nothing is appended.
 */
let url: string;
let core: ApiClient;
let admin: ApiClient;
let auditor: ApiClient;

serverForFile((started) => {
  ({ core, admin, auditor } = started);
  url = started.server.url;
});

const ORGANISATIONS = "/api/v1/organisations";
const failing = (request: () => Promise<ApiResponse>): Promise<ApiResponse> => appendsNothing(auditor, request);

describe("defect 1: a body is application/json in UTF-8, nothing else", () => {
  it("a form-encoded body is 415, nothing appended", async () => {
    const response = await failing(() =>
      admin.postRaw(ORGANISATIONS, "name=Form+org&kind=other", { "content-type": "application/x-www-form-urlencoded" }),
    );
    expectProblem(response, 415, "/problems/unsupported-media-type");
  });

  it.each(["text/plain", "multipart/form-data; boundary=x", "application/problem+json"])(
    "a JSON text sent as %s is 415",
    async (type) => {
      const response = await failing(() =>
        admin.postRaw(ORGANISATIONS, '{"name":"Fel typ","kind":"other"}', { "content-type": type }),
      );
      expectProblem(response, 415, "/problems/unsupported-media-type");
    },
  );

  it("a charset other than UTF-8 is 415", async () => {
    const response = await failing(() =>
      admin.postRaw(ORGANISATIONS, '{"name":"Latin","kind":"other"}', { "content-type": "application/json; charset=iso-8859-1" }),
    );
    expect(expectProblem(response, 415, "/problems/unsupported-media-type").detail).toMatch(/UTF-8/);
  });

  it("JSON starting with a byte order mark is 400 naming the body", async () => {
    const response = await failing(() => admin.postRaw(ORGANISATIONS, '\uFEFF{"name":"Bom","kind":"other"}'));
    expect(expectProblem(response, 400, "/problems/validation").errors).toEqual([
      { path: "body", message: "JSON without a byte order mark" },
    ]);
  });

  it("application/json, with or without charset=utf-8, is taken", async () => {
    ok(await admin.postRaw(ORGANISATIONS, '{"name":"Utan charset","kind":"other"}'));
    ok(
      await admin.postRaw(ORGANISATIONS, '{"name":"Med charset","kind":"other"}', {
        "content-type": "application/json; charset=UTF-8",
      }),
    );
  });
});

describe("defect 2: errors the framework raises are problem+json too", () => {
  it("a path segment over 100 characters is 414", async () => {
    const response = await core.get(`/api/v1/initiatives/${"a".repeat(120)}`);
    expectProblem(response, 414, "/problems/request-refused");
  });

  it("a path that is not validly percent-encoded is 400", async () => {
    expectProblem(await core.get("/api/v1/initiatives/%zz"), 400, "/problems/validation");
  });

  it("headers too large are 431, and the connection closes", async () => {
    const answer = await rawExchange(url, requestHead("GET", "/health", { "x-filler": "a".repeat(20_000) }));
    expect(answer.status).toBe(431);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(answer.body).toMatchObject({ type: "/problems/request-refused", status: 431 });
    expect(answer.closedByServer).toBe(true);
  });

  it("bytes that are not HTTP are 400, and the connection closes", async () => {
    const answer = await rawExchange(url, "HELLO MANDAT\r\n\r\n");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ type: "/problems/request-refused", title: "Request refused", status: 400 });
    expect(answer.closedByServer).toBe(true);
  });
});

describe("defect 3: a year in a path is four digits, an id a UUID", () => {
  const proposal = { lines: [{ purpose: "Allt", amountSek: 1000 }] };

  it.each(["0x7E9", "%202025", "2.025e3", "2025.0", "+2025", "0b11111101001", "02025", "2025%20"])(
    "/budgets/{focusArea}/%s/proposal is 400 naming path.year, nothing appended",
    async (year) => {
      const response = await failing(() => core.post(`/api/v1/budgets/${FOCUS_AREA}/${year}/proposal`, proposal));
      const problem = expectProblem(response, 400, "/problems/validation");
      expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(["path.year"]);
    },
  );

  it("the read of a budget refuses such a year too", async () => {
    const problem = expectProblem(await core.get(`/api/v1/budgets/${FOCUS_AREA}/0x7E9`), 400, "/problems/validation");
    expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(["path.year"]);
  });

  it("four digits are taken", async () => {
    ok(await core.post(`/api/v1/budgets/${FOCUS_AREA}/2025/proposal`, proposal));
  });

  it("an id that is not a UUID is 400 naming the parameter", async () => {
    const problem = expectProblem(
      await failing(() => core.post("/api/v1/initiatives/12345/goals", { statement: "Mål" })),
      400,
      "/problems/validation",
    );
    expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(["path.id"]);
  });
});

describe("defect 5: text fields refuse control characters and unpaired surrogates, and are stored NFC", () => {
  it.each([
    ["a NUL byte", "Noll\u0000byte"],
    ["a terminal escape", "\u001b[2JRensad skärm"],
    ["a right-to-left override", "Faktura\u202Efdp.exe"],
  ])("a name with %s is 400 naming body.name, nothing appended", async (_what, name) => {
    const problem = expectProblem(await failing(() => admin.post(ORGANISATIONS, { name, kind: "other" })), 400);
    expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(["body.name"]);
  });

  it("an unpaired surrogate (as JSON's \\ud800 escape) is 400", async () => {
    const problem = expectProblem(
      await failing(() => admin.postRaw(ORGANISATIONS, '{"name":"Trasig \\ud800","kind":"other"}')),
      400,
    );
    expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(["body.name"]);
  });

  it("a decomposed å is stored as one code point, and newlines and tabs are kept", async () => {
    const written = ok(await admin.post(ORGANISATIONS, { name: "A\u030Angermanlands\tkommun", kind: "other" }));
    const listed = await core.get<Array<{ id: string; name: string }>>(`${ORGANISATIONS}?minPosition=${written.position}`);
    expect(listed.body.find((organisation) => organisation.id === written.id)?.name).toBe("\u00C5ngermanlands\tkommun");
  });

  it("the budget's line purposes, another operation, are held to the same rule", async () => {
    const problem = expectProblem(
      await failing(() =>
        core.post(`/api/v1/budgets/${FOCUS_AREA}/2026/proposal`, { lines: [{ purpose: "Ond\u0007", amountSek: 1 }] }),
      ),
      400,
    );
    expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(["body.lines.0.purpose"]);
  });
});
