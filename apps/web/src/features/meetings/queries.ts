import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { ApiProblem, logPosition, read } from "../../api/client";
import { useApiQuery } from "../../api/queries";
import type { Person } from "../../api/types";
import { useLanguage } from "../../i18n/language";
import type { AgendaCandidate, CoreTeamAreas, MeetingListItem, Minutes } from "./types";

const meetingPath = (id: string) => `/api/v1/meetings/${encodeURIComponent(id)}`;

const PEOPLE = "/api/v1/people?limit=200";

const noRetryOn4xx = (count: number, error: unknown) => !(error instanceof ApiProblem && error.status < 500) && count < 2;

/** Held meetings (the default list) or those planned and not yet held. */
export const useMeetingList = (status: "held" | "planned") =>
  useApiQuery<MeetingListItem[]>(status === "planned" ? "/api/v1/meetings?status=planned" : "/api/v1/meetings");

/**
 * The minutes, read again after each write with its position (the key holds it). The page
 * keeps showing the minutes it has while the new read is under way: its forms stay mounted,
 * so what is being typed in one form survives a write of another.
 */
export function useMinutes(id: string) {
  const { language } = useLanguage();
  return useQuery({
    queryKey: [meetingPath(id), language, logPosition()],
    queryFn: () => read<Minutes>(meetingPath(id), language),
    retry: noRetryOn4xx,
    placeholderData: keepPreviousData,
  });
}

/** The minutes of several meetings (the list shows each one's status and registration number). */
export function useMinutesOf(ids: ReadonlyArray<string>) {
  const { language } = useLanguage();
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: [meetingPath(id), language, logPosition()],
      queryFn: () => read<Minutes>(meetingPath(id), language),
      retry: noRetryOn4xx,
    })),
  });
}

export const useAgendaCandidates = (focusArea: string, enabled: boolean) =>
  useApiQuery<AgendaCandidate[]>(`/api/v1/agenda-candidates?focusArea=${encodeURIComponent(focusArea)}`, enabled);

/** The same read as the app's useMe (one cache entry), typed for the Core Team's focus areas. */
export const useCoreTeamAreas = () => useApiQuery<CoreTeamAreas>("/api/v1/me");

/** A person's name by id, from the directory: "…" while it loads, the id itself for someone it does not hold. */
export function usePersonName(): (id: string | null) => string {
  const { language } = useLanguage();
  // The directory as usePeople reads it, kept on screen while a write's new read is under way.
  const people = useQuery({
    queryKey: [PEOPLE, language, logPosition()],
    queryFn: () => read<Person[]>(PEOPLE, language),
    retry: noRetryOn4xx,
    placeholderData: keepPreviousData,
  });
  const names = new Map((people.data ?? []).map((person) => [person.id, person.name]));
  return (id) => (id === null ? "" : (names.get(id) ?? (people.data ? id : "…")));
}
