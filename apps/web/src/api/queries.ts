import { queryOptions, useQueries, useQuery } from "@tanstack/react-query";
import type { Language } from "../i18n/messages";
import { useLanguage } from "../i18n/language";
import { ApiProblem, logPosition, read } from "./client";
import type { DevelopmentPerson, InitiativeListItem, InitiativeOverview, Me, Person, SignalListItem } from "./types";

// Each read's key holds the language (problems and names come back in it) and the last write's
// position, so a write of this page makes every read fetch again with that minPosition.

export const noRetryOn4xx = (count: number, error: unknown) => !(error instanceof ApiProblem && error.status < 500) && count < 2;

type ApiQueryKey = readonly [path: string, language: Language, position: number];

/**
 * The options of one API read, shared by single reads and by reads of several paths at once.
 * While the same path is read again (another language, or after a write), the page keeps what
 * it showed: a read that showed "loading" instead would unmount the forms standing on it and
 * lose what was typed. Another path (another initiative) never shows the last one's data.
 */
export function apiQuery<T>(path: string, language: Language) {
  const queryKey: ApiQueryKey = [path, language, logPosition()];
  return queryOptions<T, Error, T, ApiQueryKey>({
    queryKey,
    queryFn: () => read<T>(path, language),
    retry: noRetryOn4xx,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[0] === path ? previous : undefined),
  });
}

export function useApiQuery<T>(path: string, enabled = true) {
  const { language } = useLanguage();
  return useQuery({ ...apiQuery<T>(path, language), enabled });
}

/** Several reads in parallel rather than one after another (the To do page's initiatives). */
export function useApiQueries<T>(paths: ReadonlyArray<string>) {
  const { language } = useLanguage();
  return useQueries({ queries: paths.map((path) => apiQuery<T>(path, language)) });
}

export const useMe = () => useApiQuery<Me>("/api/v1/me");

export const useDevelopmentPeople = () => useApiQuery<DevelopmentPerson[]>("/auth/development/people");

export const useInitiatives = (enabled: boolean) => useApiQuery<InitiativeListItem[]>("/api/v1/initiatives", enabled);

export const initiativePath = (id: string) => `/api/v1/initiatives/${encodeURIComponent(id)}`;

export const useInitiative = (id: string) => useApiQuery<InitiativeOverview>(initiativePath(id));

export const useUnansweredSignals = (enabled: boolean) =>
  useApiQuery<SignalListItem[]>("/api/v1/signals?status=unanswered", enabled);

/** The overviews of several initiatives at once (the To do page's mandates and check-ins). */
export const useInitiativeOverviews = (ids: ReadonlyArray<string>) => useApiQueries<InitiativeOverview>(ids.map(initiativePath));

/** The people directory, every page of it (the demo's collaboration has dozens, not thousands). */
export const usePeople = () => useApiQuery<Person[]>("/api/v1/people?limit=200");
