import { describe, expect, it } from "vitest";
import type { EventToAppend, RecordedEvent } from "../port/recorded-event.js";
import { GENESIS_HASH } from "../port/recorded-event.js";
import { canonicalJson } from "./canonical-json.js";
import { hashEnvelope, withoutHash } from "./event-hash.js";
import { type ChainedEvent, chainEnvelopes, chainEvents, serialiseEvents } from "./hash-chain.js";

const actor = { id: "p", roles: ["core-team"] };
const metadata = { actor, commandId: "c", correlationId: "r", causationId: "s" };
const event = (meta: object, data: unknown = { b: 2, a: 1 }): EventToAppend =>
  ({ type: "E", schemaVersion: 1, data, metadata: meta }) as EventToAppend;

/** What the chain must store: the canonical JSON of the metadata with prevHash among its members. */
const expectedMetadataJson = (meta: object, prevHash: string) => canonicalJson({ ...meta, prevHash });

/** The event a verifier reads back from the stored row, hash included. */
const readBack = ({ dataJson, metadataJson, hash, ...scalars }: ChainedEvent) => ({
  ...scalars,
  position: 1,
  data: JSON.parse(dataJson) as unknown,
  metadata: { ...(JSON.parse(metadataJson) as { prevHash: string }), hash },
});

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
    expect(second!.metadataJson).toBe(expectedMetadataJson(meta, first!.hash));
    expect(first!.dataJson).toBe('{"a":1,"b":2}');
    for (const chained of [first!, second!]) {
      expect(hashEnvelope(withoutHash(readBack(chained) as RecordedEvent))).toBe(chained.hash);
    }
  });

  it.each([
    ["the pipeline's members", metadata],
    ["a member that sorts after prevHash", { ...metadata, zone: "x" }],
  ])("gives envelopes with %s whose hash covers them as a verifier recomputes it", (_, meta) => {
    const head = { revision: 4, hash: "a".repeat(64) };
    const [first, second] = chainEnvelopes("s-1", head, "2025-03-01T10:00:00.000Z", [event(meta), event(meta)]);
    expect(first!.metadata.prevHash).toBe(head.hash);
    expect(second!.metadata.prevHash).toBe(first!.metadata.hash);
    expect(second!.revision).toBe(6);
    for (const envelope of [first!, second!]) {
      expect(hashEnvelope(withoutHash({ ...envelope, position: 1 }))).toBe(envelope.metadata.hash);
    }
  });

  it("chains a new stream from the genesis hash, each event to the one before", () => {
    const chained = chainEvents(
      "s-2",
      undefined,
      "2025-03-01T10:00:00.000Z",
      serialiseEvents([event(metadata), event(metadata)]),
    );
    expect(chained.map((c) => c.revision)).toEqual([0, 1]);
    expect(readBack(chained[0]!).metadata.prevHash).toBe(GENESIS_HASH);
    expect(readBack(chained[1]!).metadata.prevHash).toBe(chained[0]!.hash);
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
