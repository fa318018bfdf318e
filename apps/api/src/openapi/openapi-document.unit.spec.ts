/* eslint-disable @typescript-eslint/no-explicit-any -- the document is JSON, read here by its paths as a client would */
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { ALL_ROUTES } from "../routes/all-routes.js";
import { openApiDocument } from "./openapi-document.js";

type Operation = Record<string, any>;

/** Issue 15 part C: the OpenAPI document a client generator and a linter can take as it is. */
const document = openApiDocument(ALL_ROUTES) as Record<string, any>;
const operations = (): Array<[string, string, Operation]> =>
  Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]): [string, string, Operation] => [method, path, operation]),
  );

describe("the OpenAPI document", () => {
  it("passes Redocly's recommended rules without an error", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: "/openapi.json", config });
    const errors = problems
      .filter((problem) => problem.severity === "error")
      .map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  }, 60_000);

  it("names its shared schemas in components, and refers to them", () => {
    const schemas = document.components.schemas as Record<string, unknown>;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(["Problem", "ProblemType", "WriteAnswer", "SetGoalBody"]));
    expect(Object.keys(schemas).length).toBeGreaterThan(50);
    const grant = document.paths["/api/v1/initiatives/{id}/mandates"].post;
    expect(grant.responses["201"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/WriteAnswer" });
    expect(grant.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/GrantMandateBody" });
    // Every $ref points at a schema the document holds.
    const refs = JSON.stringify(document).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of refs) expect(schemas, ref).toHaveProperty(ref.slice('"$ref":"#/components/schemas/'.length, -1));
  });

  it("gives every GET a schema of its answer", () => {
    const without = operations()
      .filter(([method, , operation]) => method === "get" && !operation.responses["200"]?.content)
      .map(([, path]) => path);
    expect(without).toEqual([]);
  });

  it("names Location in every answer 201", () => {
    const without = operations()
      .filter(([, , operation]) => operation.responses["201"] && !operation.responses["201"].headers?.Location)
      .map(([method, path]) => `${method} ${path}`);
    expect(without).toEqual([]);
  });

  it("says which operations need no token, has servers, and no remarks about API.md v1 in summaries", () => {
    expect(document.servers).toEqual([{ url: "/", description: "This server" }]);
    expect(document.security).toEqual([{ bearer: [] }]);
    for (const [method, path, operation] of operations()) {
      if (operation["x-roles"] === "public") expect(operation.security, `${method} ${path}`).toEqual([]);
      else expect(operation.security, `${method} ${path}`).toBeUndefined();
      expect(operation.summary, `${method} ${path}`).not.toMatch(/API\.md|not in v1/i);
      expect(operation.description, `${method} ${path}`).not.toMatch(/Problem types: \.$/);
    }
  });

  it("documents the live feed as text/event-stream that resumes with Last-Event-ID", () => {
    const live = document.paths["/api/v1/events/live"].get;
    expect(Object.keys(live.responses["200"].content)).toEqual(["text/event-stream"]);
    expect(live.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Last-Event-ID", in: "header" })]));
  });

  it("documents ETag and 304 on a read of one resource, Location on a 201", () => {
    const overview = document.paths["/api/v1/initiatives/{id}"].get;
    expect(overview.responses["200"].headers.ETag).toBeDefined();
    expect(overview.responses["304"]).toBeDefined();
    expect(overview.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "If-None-Match" })]));
    expect(document.paths["/api/v1/people"].post.responses["201"].headers.Location).toBeDefined();
  });
});
