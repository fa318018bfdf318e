import type Database from "better-sqlite3";
import { prepared } from "../../runner/prepared.js";
import { inOneSnapshot } from "../../runner/read-snapshot.js";
import { type MeetingDecision, type MeetingMinutes, meeting } from "./queries.js";

/** The minutes with the registration numbers (diarienummer) given to them and to their decisions. */
export interface RegisteredMinutes extends Omit<MeetingMinutes, "decisions"> {
  readonly registrationNumber: string | null;
  readonly decisions: ReadonlyArray<MeetingDecision & { readonly registrationNumber: string | null }>;
}

/** `meeting`, with the registration numbers recorded by `asOf`; undefined for a meeting not known then. */
export function registeredMeeting(
  db: Database.Database,
  meetingId: string,
  time: { readonly asOf?: string; readonly at?: string } = {},
): RegisteredMinutes | undefined {
  return inOneSnapshot(db, () => {
    const minutes = meeting(db, meetingId, time);
    if (!minutes) return undefined;
    const numbers = prepared<{ meetingId: string; asOf: string | null }, { decisionId: string | null; number: string }>(
      db,
      `SELECT decision_id AS decisionId, number FROM registration_numbers
       WHERE meeting_id = @meetingId AND recorded_at <= coalesce(@asOf, recorded_at)`,
    ).all({ meetingId, asOf: time.asOf ?? null });
    const numberOf = new Map(numbers.map(({ decisionId, number }) => [decisionId ?? "", number]));
    return {
      ...minutes,
      registrationNumber: numberOf.get("") ?? null,
      decisions: minutes.decisions.map((decision) => ({
        ...decision,
        registrationNumber: numberOf.get(decision.decisionId) ?? null,
      })),
    };
  });
}
