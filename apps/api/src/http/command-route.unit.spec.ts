import { type AnyCommandSpec, amendMandate, grantMandate, submitSignal, withdrawSignal } from "#application";
import { describe, expect, it } from "vitest";
import { commandRoute } from "./command-route.js";

const route = (spec: AnyCommandSpec, path: string, id?: string) =>
  commandRoute(spec, { path, operationId: spec.name, summary: spec.name, tag: "Test", ...(id ? { id } : {}) });

describe("commandRoute", () => {
  it("cuts the path parameters from the spec's input: `:id` as the field named, the others as themselves", () => {
    const amend = route(amendMandate, "/initiatives/:id/mandates/:mandateId/amendments", "initiativeId");
    expect(amend.pathFields).toEqual({ id: "initiativeId", mandateId: "mandateId" });
    expect(Object.keys(amend.params!.shape).sort()).toEqual(["id", "mandateId"]);
    expect(amend.body.shape).not.toHaveProperty("initiativeId");
    expect(amend.body.shape).not.toHaveProperty("mandateId");
    expect(amend.body.shape).toHaveProperty("changes");
  });

  it("validates a path parameter as the input field it carries", () => {
    const grant = route(grantMandate, "/initiatives/:id/mandates", "initiativeId");
    expect(grant.params!.safeParse({ id: "not-a-uuid" }).success).toBe(false);
    expect(grant.params!.safeParse({ id: "0b7e7d3c-1f0a-4a57-9d3e-6c2a1b4e5f01" }).success).toBe(true);
  });

  it("answers 201 when the spec creates something, 200 otherwise, and admits the spec's roles", () => {
    expect(route(submitSignal, "/signals")).toMatchObject({ status: 201, audience: submitSignal.roles });
    expect(route(withdrawSignal, "/signals/:id/withdrawal", "signalId")).toMatchObject({
      status: 200,
      audience: withdrawSignal.roles,
    });
  });

  it("documents the spec's rules beside the problems every command shares", () => {
    const problems = route(withdrawSignal, "/signals/:id/withdrawal", "signalId").problems;
    expect(problems).toEqual(expect.arrayContaining(["validation", "not-found", "signal-withdrawn", "signal-already-answered"]));
  });

  it("refuses a path parameter that carries no field of the input", () => {
    expect(() => route(withdrawSignal, "/signals/:id/withdrawal")).toThrow(/:id carries no field/);
    expect(() => route(withdrawSignal, "/signals/:id/withdrawal/:reasonId", "signalId")).toThrow(/:reasonId carries no field/);
  });
});
