import { useQueries, useQuery } from "@tanstack/react-query";
import { useLanguage } from "../i18n/language";
import { ApiProblem, logPosition, read } from "./client";
import type { DevelopmentPerson, InitiativeListItem, InitiativeOverview, Me, Person, SignalListItem } from "./types";

// Each read's key holds the language (problems and names come back in it) and the last write's
// position, so a write of this page makes every read fetch again with that minPosition.

export const noRetryOn4xx = (count: number, error: unknown) => !(error instanceof ApiProblem && error.status < 500) && count < 2;

export function useApiQuery<T>(path: string, enabled = true) {
  const { language } = useLanguage();
  return useQuery({
    queryKey: [path, language, logPosition()],
    queryFn: () => read<T>(path, language),
    retry: noRetryOn4xx,
    enabled,
  });
}

export const useMe = () => useApiQuery<Me>("/api/v1/me");

export const useDevelopmentPeople = () => useApiQuery<DevelopmentPerson[]>("/auth/development/people");

export const useInitiatives = (enabled: boolean) => useApiQuery<InitiativeListItem[]>("/api/v1/initiatives", enabled);

export const useInitiative = (id: string) => useApiQuery<InitiativeOverview>(`/api/v1/initiatives/${encodeURIComponent(id)}`);

export const useUnansweredSignals = (enabled: boolean) =>
  useApiQuery<SignalListItem[]>("/api/v1/signals?status=unanswered", enabled);

/** The overviews of several initiatives at once (the To do page's mandates and check-ins). */
export function useInitiativeOverviews(ids: ReadonlyArray<string>) {
  const { language } = useLanguage();
  return useQueries({
    queries: ids.map((id) => {
      const path = `/api/v1/initiatives/${encodeURIComponent(id)}`;
      return {
        queryKey: [path, language, logPosition()],
        queryFn: () => read<InitiativeOverview>(path, language),
        retry: noRetryOn4xx,
      };
    }),
  });
}

/** The people directory, every page of it (the demo's collaboration has dozens, not thousands). */
export const usePeople = () => useApiQuery<Person[]>("/api/v1/people?limit=200");
