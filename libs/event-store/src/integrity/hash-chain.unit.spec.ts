import { describe, expect, it } from "vitest";
import type { EventToAppend } from "../port/recorded-event.js";
import { GENESIS_HASH } from "../port/recorded-event.js";
import { canonicalJson } from "./canonical-json.js";
import { hashEnvelope, withoutHash } from "./event-hash.js";
import { chainEvents, serialiseEvents } from "./hash-chain.js";

const actor = { id: "p", roles: ["core-team"] };
const metadata = { actor, commandId: "c", correlationId: "r", causationId: "s" };
const event = (meta: object, data: unknown = { b: 2, a: 1 }): EventToAppend =>
  ({ type: "E", schemaVersion: 1, data, metadata: meta }) as EventToAppend;

/** What the chain must store: the canonical JSON of the metadata with prevHash among its members. */
const expectedMetadataJson = (meta: object, prevHash: string) => canonicalJson({ ...meta, prevHash });

describe("chainEvents", () => {
  it.each([
    ["the pipeline's members", metadata],
    ["an idempotency key", { ...metadata, idempotencyKey: "k" }],
    ["a member left undefined", { ...metadata, idempotencyKey: undefined }],
    ["no members at all", {}],
    ["a member that sorts after prevHash", { ...metadata, zone: "x" }],
    ["a prevHash of its own", { ...metadata, prevHash: "forged" }],
    ["a toJSON of its own", { ...metadata, toJSON: () => ({ only: 1 }) }],
  ])("stores and hashes the metadata with %s exactly as canonicalJson writes it", (_, meta) => {
    const head = { revision: 4, hash: "a".repeat(64) };
    const [first, second] = chainEvents("s-1", head, "2025-03-01T10:00:00.000Z", serialiseEvents([event(meta), event(meta)]));
    expect(first!.metadataJson).toBe(expectedMetadataJson(meta, head.hash));
    expect(second!.metadataJson).toBe(expectedMetadataJson(meta, first!.envelope.metadata.hash));
    expect(first!.dataJson).toBe('{"a":1,"b":2}');
    for (const chained of [first!, second!]) {
      expect(hashEnvelope(withoutHash({ ...chained.envelope, position: 1 }))).toBe(chained.envelope.metadata.hash);
    }
  });

  it("chains a new stream from the genesis hash, each event to the one before", () => {
    const chained = chainEvents(
      "s-2",
      undefined,
      "2025-03-01T10:00:00.000Z",
      serialiseEvents([event(metadata), event(metadata)]),
    );
    expect(chained.map((c) => c.envelope.revision)).toEqual([0, 1]);
    expect(chained[0]!.envelope.metadata.prevHash).toBe(GENESIS_HASH);
    expect(chained[1]!.envelope.metadata.prevHash).toBe(chained[0]!.envelope.metadata.hash);
  });

  it("serialises each event's own metadata when the events of an append carry different ones", () => {
    const other = { ...metadata, commandId: "other" };
    const [first, second] = serialiseEvents([event(metadata), event(other)]);
    expect(first!.metadataJson).toBe(canonicalJson(metadata));
    expect(second!.metadataJson).toBe(canonicalJson(other));
  });

  it("refuses a payload JSON cannot hold", () => {
    expect(() => serialiseEvents([event(metadata, { n: 10n })])).toThrow(TypeError);
  });
});
