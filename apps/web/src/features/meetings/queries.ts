import { useApiQueries, useApiQuery, usePeople } from "../../api/queries";
import type { AgendaCandidate, CoreTeamAreas, MeetingListItem, Minutes } from "./types";

const meetingPath = (id: string) => `/api/v1/meetings/${encodeURIComponent(id)}`;

/** Held meetings (the default list) or those planned and not yet held. */
export const useMeetingList = (status: "held" | "planned") =>
  useApiQuery<MeetingListItem[]>(status === "planned" ? "/api/v1/meetings?status=planned" : "/api/v1/meetings");

/** The minutes of one meeting; kept on screen while a write's new read is under way (apiQuery). */
export const useMinutes = (id: string) => useApiQuery<Minutes>(meetingPath(id));

/** The minutes of several meetings (the list shows each one's status and registration number). */
export const useMinutesOf = (ids: ReadonlyArray<string>) => useApiQueries<Minutes>(ids.map(meetingPath));

export const useAgendaCandidates = (focusArea: string, enabled: boolean) =>
  useApiQuery<AgendaCandidate[]>(`/api/v1/agenda-candidates?focusArea=${encodeURIComponent(focusArea)}`, enabled);

/** The same read as the app's useMe (one cache entry), typed for the Core Team's focus areas. */
export const useCoreTeamAreas = () => useApiQuery<CoreTeamAreas>("/api/v1/me");

/** A person's name by id, from the directory: "…" while it loads, the id itself for someone it does not hold. */
export function usePersonName(): (id: string | null) => string {
  const people = usePeople();
  const names = new Map((people.data ?? []).map((person) => [person.id, person.name]));
  return (id) => (id === null ? "" : (names.get(id) ?? (people.data ? id : "…")));
}
