import { type EventStoreService, type RecordedEvent, readAllCursor } from "#event-store";
import { Chunk, Effect, Stream } from "effect";
import { describe, expect, it } from "vitest";
import { type ExportSelection, exportFileName, exportStream } from "./log-export.js";

const INITIATIVE = "0190a000-0000-7000-8000-000000000001";
const OTHER = "0190a000-0000-7000-8000-000000000002";

let position = 0;
const event = (streamId: string, revision: number, type: string, data: unknown, recordedAt: string): RecordedEvent => ({
  eventId: `e-${++position}`,
  type,
  schemaVersion: 1,
  streamId,
  revision,
  position,
  recordedAt,
  data,
  metadata: {
    actor: { id: "a", roles: ["core-team"] },
    commandId: "c",
    correlationId: "c",
    causationId: "c",
    hash: "h",
    prevHash: "p",
  },
});

const LOG = [
  event(`initiative-${INITIATIVE}`, 0, "InitiativeRegistered", { name: 'Ett; "citat"' }, "2024-10-01T10:00:00.000Z"),
  event(`initiative-${OTHER}`, 0, "InitiativeRegistered", { name: "Annat" }, "2024-10-02T10:00:00.000Z"),
  event("signal-s1", 0, "SignalSubmitted", { initiativeId: INITIATIVE }, "2024-10-03T10:00:00.000Z"),
  event("signal-s2", 0, "SignalSubmitted", { initiativeId: OTHER }, "2024-10-04T10:00:00.000Z"),
  event("tension-t1", 0, "TensionRaised", { initiativeIds: [OTHER, INITIATIVE] }, "2024-10-05T10:00:00.000Z"),
  event("meeting-m1", 0, "MeetingPlanned", { initiativeId: INITIATIVE }, "2024-10-06T10:00:00.000Z"),
  event("signal-s1", 1, "SignalAcknowledged", { on: "2024-10-07" }, "2024-10-07T10:00:00.000Z"),
];

/** A store of LOG alone, read in batches of two, whatever logBatches asks. */
const readAll: EventStoreService["readAll"] = ({ fromPosition = 0, maxCount = 2 } = {}) =>
  Effect.succeed(LOG.filter((e) => e.position >= fromPosition).slice(0, Math.min(maxCount, 2)));
const store = {
  readAll,
  openLogCursor: (options) => Effect.succeed(readAllCursor(readAll, options)),
} as Pick<EventStoreService, "readAll" | "openLogCursor"> as EventStoreService;

const exported = (format: "jsonl" | "csv", selection?: ExportSelection) =>
  Effect.runPromise(Stream.runCollect(exportStream(store, format, selection))).then((chunks) =>
    Chunk.toArray(chunks)
      .map((chunk) => chunk.text)
      .join(""),
  );

describe("exportStream", () => {
  it("JSON lines: every envelope, in log order", async () => {
    expect(await exported("jsonl")).toBe(LOG.map((e) => `${JSON.stringify(e)}\n`).join(""));
  });

  it('CSV for Excel: BOM, header, `;`, CRLF, fields with `;` or `"` quoted and their quotes doubled', async () => {
    const text = await exported("csv", { streamId: `initiative-${INITIATIVE}` });
    const [header, row, end] = text.split("\r\n");
    expect(header).toBe("\uFEFFposition;eventId;streamId;revision;type;schemaVersion;recordedAt;data;metadata");
    expect(row).toMatch(
      new RegExp(
        `^1;e-1;initiative-${INITIATIVE};0;InitiativeRegistered;1;2024-10-01T10:00:00.000Z;"\\{""name"":""Ett; \\\\""citat\\\\""""\\}";"\\{`,
      ),
    );
    expect(end).toBe("");
  });

  it("an initiative: its own stream, and the signals and tensions about it, their later events too", async () => {
    const streams = (await exported("jsonl", { initiativeId: INITIATIVE }))
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as RecordedEvent).streamId);
    expect(streams).toEqual([`initiative-${INITIATIVE}`, "signal-s1", "tension-t1", "signal-s1"]);
  });

  it("a period of recorded time, inclusive, with the initiative's streams found before it", async () => {
    const lines = (
      await exported("jsonl", { initiativeId: INITIATIVE, from: "2024-10-05T10:00:00.000Z", to: "2024-10-07T10:00:00.000Z" })
    )
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as RecordedEvent).position);
    expect(lines).toEqual([5, 7]);
  });

  it("names its file by what it holds and when", () => {
    const at = new Date("2026-03-01T09:08:07.654Z");
    expect(exportFileName("csv", {}, at)).toBe("mandat-export-log-2026-03-01T090807Z.csv");
    expect(exportFileName("jsonl", { initiativeId: INITIATIVE }, at)).toBe(
      `mandat-export-initiative-${INITIATIVE}-2026-03-01T090807Z.jsonl`,
    );
  });
});
