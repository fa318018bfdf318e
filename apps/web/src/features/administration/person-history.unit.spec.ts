import { describe, expect, it } from "vitest";
import { personHistory } from "./person-history";

const event = (type: string, data: Record<string, unknown>, recordedAt = "2026-01-10T09:00:00.000Z") => ({
  type,
  data,
  recordedAt,
});
const digest = (n: number) => String(n).repeat(64).slice(0, 64);

describe("a person's history on their admin page", () => {
  it("pairs each end of a membership with the open one of its focus area", () => {
    const { memberships } = personHistory([
      event("PersonRegistered", {}),
      event("CoreTeamMembershipStarted", { focusArea: "alla-barn-och-unga-lyckas", on: "2024-01-15" }),
      event("CoreTeamMembershipStarted", { focusArea: "trygghet", on: "2024-03-01" }),
      event("CoreTeamMembershipEnded", { focusArea: "alla-barn-och-unga-lyckas", on: "2025-06-30" }),
      event("CoreTeamMembershipStarted", { focusArea: "alla-barn-och-unga-lyckas", on: "2026-01-01" }),
    ]);
    expect(memberships).toEqual([
      { focusArea: "alla-barn-och-unga-lyckas", from: "2024-01-15", until: "2025-06-30" },
      { focusArea: "trygghet", from: "2024-03-01", until: null },
      { focusArea: "alla-barn-och-unga-lyckas", from: "2026-01-01", until: null },
    ]);
  });

  it("lists the logins linked now: an unlinked one is gone, the same issuer's other stays", () => {
    const { logins } = personHistory([
      event("PersonLoginLinked", { issuer: "https://a.example", subjectDigest: digest(1), linkedBy: "admin" }),
      event(
        "PersonLoginLinked",
        { issuer: "https://a.example", subjectDigest: digest(2), linkedBy: "verified-email" },
        "2026-02-01T09:00:00.000Z",
      ),
      event("PersonLoginUnlinked", { issuer: "https://a.example", subjectDigest: digest(1) }),
    ]);
    expect(logins).toEqual([
      { issuer: "https://a.example", subjectDigest: digest(2), linkedAt: "2026-02-01T09:00:00.000Z", linkedBy: "verified-email" },
    ]);
  });
});
