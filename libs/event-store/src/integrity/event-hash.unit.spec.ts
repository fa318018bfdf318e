import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";
import { type HashedEnvelope, hashEnvelope } from "./event-hash.js";

const data = { scope: ["å", "b"], validFrom: "2025-03-01", nested: { z: 1, a: null } };
const envelope: HashedEnvelope = {
  eventId: "01941f29-7c00-7000-8000-000000000001",
  type: "MandateGranted",
  schemaVersion: 2,
  streamId: "initiative-1",
  revision: 3,
  recordedAt: "2025-03-01T10:00:00.000Z",
  data,
  metadata: {
    actor: { id: "p", roles: ["core-team"] },
    commandId: "c",
    correlationId: "c",
    causationId: "c",
    prevHash: "0".repeat(64),
  },
};

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, undefined], c: undefined } })).toBe('{"a":{"d":[3,null]},"b":1}');
  });
  it("sorts keys by code unit, few or many", () => {
    expect(canonicalJson({ b: 1, B: 2, é: 3, a: 4, "": 5 })).toBe('{"":5,"B":2,"a":4,"b":1,"é":3}');
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${39 - i}`, i]));
    const keys = Object.keys(JSON.parse(canonicalJson(many)));
    expect(keys).toEqual([...keys].sort());
    expect(keys).toHaveLength(40);
  });
  it("is independent of the order keys were written in", () => {
    expect(canonicalJson({ x: 1, y: { b: 2, a: 1 } })).toBe(canonicalJson({ y: { a: 1, b: 2 }, x: 1 }));
  });
  it("quotes keys as JSON.stringify does, the same every time and past the keys it remembers", () => {
    const odd = { 'q"uote': 1, "back\\slash": 2, "line\u2028sep": 3, "\u0001": 4, é: { "\ud800": 5 } };
    const expected = '{"\\u0001":4,"back\\\\slash":2,"line\u2028sep":3,"q\\"uote":1,"é":{"\\ud800":5}}';
    expect(canonicalJson(odd)).toBe(expected);
    expect(canonicalJson(odd)).toBe(expected);
    const ids = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`id-${i}`, i]));
    expect(JSON.parse(canonicalJson(ids))).toEqual(ids);
    expect(canonicalJson(odd)).toBe(expected);
  });
  it("serialises values with toJSON as JSON.stringify does", () => {
    expect(canonicalJson({ at: new Date("2025-01-01T00:00:00Z") })).toBe('{"at":"2025-01-01T00:00:00.000Z"}');
  });
});

describe("hashEnvelope", () => {
  it("is SHA-256 over the canonical JSON of the whole envelope", () => {
    const expected = createHash("sha256").update(canonicalJson(envelope)).digest("hex");
    expect(hashEnvelope(envelope)).toBe(expected);
  });
  it("changes with any covered field", () => {
    const base = hashEnvelope(envelope);
    expect(hashEnvelope({ ...envelope, revision: 4 })).not.toBe(base);
    expect(hashEnvelope({ ...envelope, data: { ...data, validFrom: "2025-03-02" } })).not.toBe(base);
    expect(hashEnvelope({ ...envelope, metadata: { ...envelope.metadata, prevHash: "1".repeat(64) } })).not.toBe(base);
  });
});
