import { type MandateId, type RecordedMandateEvent, addDays, mandateHistoryRows } from "#domain";
import { describe, expect, it } from "vitest";
import { RecordedHistory } from "./recorded-histories.js";

/**
 * A kept history answers as `mandateHistoryRows` reads the events recorded by asOf, at every
 * instant: whether its rows come kept per mandate or are folded afresh, however they were
 * appended, and when the log's recordedAt went back (a store that does not keep it in order).
 */
const instant = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();
const recorded = (event: RecordedMandateEvent["event"], minute: number): RecordedMandateEvent => ({
  event,
  recordedAt: instant(minute),
  recordedBy: "tester",
});
const granted = (mandateId: string, minute: number) =>
  recorded(
    {
      type: "MandateGranted",
      data: {
        mandateId: mandateId as MandateId,
        scope: [{ id: "S1", text: "Läsning" }],
        boundaries: [],
        principles: [],
        steering: "broad",
        validFrom: "2025-01-01",
        validUntil: "2025-12-31",
      },
    },
    minute,
  );
const amended = (mandateId: string, minute: number, budgetSek: number, day: number) =>
  recorded(
    {
      type: "MandateAmended",
      data: {
        mandateId: mandateId as MandateId,
        changes: { budgetSek },
        reason: "Beslut",
        effectiveFrom: addDays("2025-01-01", day),
      },
    },
    minute,
  );
const renewed = (mandateId: string, minute: number) =>
  recorded({ type: "MandateRenewed", data: { mandateId: mandateId as MandateId, validUntil: "2026-06-30" } }, minute);

/** Two mandates' events interleaved, amendments backdated now and then. */
const log: RecordedMandateEvent[] = [
  granted("a", 1),
  amended("a", 2, 100, 60),
  granted("b", 3),
  amended("a", 4, 200, 30),
  amended("b", 5, 300, 90),
  amended("a", 6, 400, 90),
  renewed("a", 7),
  amended("b", 8, 500, 10),
];
const instants = [undefined, instant(0), ...log.map((event) => event.recordedAt), instant(99)];
const expected = (events: ReadonlyArray<RecordedMandateEvent>, asOf: string | undefined) =>
  mandateHistoryRows(events.filter((event) => asOf === undefined || event.recordedAt <= asOf));
const standing = { generation: 1, last: 0 };

describe("RecordedHistory", () => {
  it("reads each instant as the events recorded by then read, twice over (kept the second time)", () => {
    const history = new RecordedHistory(standing);
    history.append(log, standing);
    for (const pass of [1, 2])
      for (const asOf of instants) expect(history.rowsAsOf(asOf), `pass ${pass}, asOf ${asOf}`).toEqual(expected(log, asOf));
  });

  it("reads the same after events are appended, whatever it kept of the fewer events before", () => {
    const history = new RecordedHistory(standing);
    for (let n = 1; n <= log.length; n++) {
      history.append(log.slice(n - 1, n), standing);
      for (const asOf of instants)
        expect(history.rowsAsOf(asOf), `${n} events, asOf ${asOf}`).toEqual(expected(log.slice(0, n), asOf));
    }
  });

  it("reads the same when it keeps few rows and forgets them to keep more", () => {
    let kept = 0;
    const history: RecordedHistory = new RecordedHistory(standing, (rows) => {
      if (kept + rows > 3) {
        history.forgetRows();
        kept = 0;
      }
      kept += rows;
    });
    history.append(log, standing);
    for (const pass of [1, 2])
      for (const asOf of instants) expect(history.rowsAsOf(asOf), `pass ${pass}`).toEqual(expected(log, asOf));
  });

  it("reads a log whose recordedAt went back as the events recorded by asOf read, not as a mandate's first ones", () => {
    // Mandate a's third event was recorded before its second: as known at minute 3, a has its first and third.
    const unordered = [granted("a", 1), amended("a", 5, 100, 60), granted("b", 2), amended("a", 3, 200, 30)];
    const history = new RecordedHistory(standing);
    history.append(unordered, standing);
    for (const asOf of [...instants, instant(3)]) expect(history.rowsAsOf(asOf)).toEqual(expected(unordered, asOf));
    expect(history.rowsAsOf(instant(3)).map((row) => row.terms.budgetSek)).toEqual([undefined, undefined, 200]);
  });
});
