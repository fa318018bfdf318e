import { describe, expect, it } from "vitest";
import { cadenceAgreedAt, checkInOverdue, nextCheckInDue } from "./check-in-due.js";

const fortnight = { everyDays: 14, agreedOn: "2025-01-05" };

describe("nextCheckInDue", () => {
  it("is the date the last check-in set, whatever the cadence", () =>
    expect(nextCheckInDue({ heldOn: "2025-02-03", nextCheckInOn: "2025-02-20" }, fortnight)).toBe("2025-02-20"));
  it("is a cadence after the last check-in when it set no date", () =>
    expect(nextCheckInDue({ heldOn: "2025-02-03", nextCheckInOn: null }, fortnight)).toBe("2025-02-17"));
  it("is a cadence after the day the cadence was agreed when no check-in is held yet", () =>
    expect(nextCheckInDue(null, fortnight)).toBe("2025-01-19"));
  it("is nothing without a cadence or a date set", () => {
    expect(nextCheckInDue({ heldOn: "2025-02-03", nextCheckInOn: null }, null)).toBeNull();
    expect(nextCheckInDue(null, null)).toBeNull();
  });
});

describe("cadenceAgreedAt", () => {
  it("dates the cadence by the Stockholm day it was recorded", () => {
    expect(cadenceAgreedAt(7, "2025-01-05T22:59:59.999Z").agreedOn).toBe("2025-01-05");
    expect(cadenceAgreedAt(7, "2025-01-05T23:00:00.000Z").agreedOn).toBe("2025-01-06");
  });
});

describe("checkInOverdue", () => {
  it("is overdue only after the due day", () => {
    expect(checkInOverdue("2025-01-19", "2025-01-19")).toBe(false);
    expect(checkInOverdue("2025-01-19", "2025-01-20")).toBe(true);
    expect(checkInOverdue(null, "2025-01-20")).toBe(false);
  });
});
