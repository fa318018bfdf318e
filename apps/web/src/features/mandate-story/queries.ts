import { ApiProblem } from "../../api/client";
import { useApiQueries, useApiQuery } from "../../api/queries";
import type { Person } from "../../api/types";
import { useTimeTravel } from "../../time-travel/use-time-travel";
import type { StoryDelegationDecision, StoryMeeting, StorySignal, StoryTension, StoryVersion } from "./types";

const segment = encodeURIComponent;

// The story as it was known at the time machine's instant (`kant`): every read takes asOf.
const useKnownThen = () => {
  const time = useTimeTravel();
  return (path: string) => time.api(path, { asOf: true });
};

export function useStoryVersions(initiativeId: string) {
  const knownThen = useKnownThen();
  return useApiQuery<StoryVersion[]>(knownThen(`/api/v1/initiatives/${segment(initiativeId)}/mandates`));
}

export function useStorySignals(initiativeId: string, enabled: boolean) {
  const knownThen = useKnownThen();
  return useApiQuery<StorySignal[]>(knownThen(`/api/v1/signals?initiativeId=${segment(initiativeId)}`), enabled);
}

export function useStoryTensions(initiativeId: string, enabled: boolean) {
  const knownThen = useKnownThen();
  return useApiQuery<StoryTension[]>(knownThen(`/api/v1/tensions?initiativeId=${segment(initiativeId)}`), enabled);
}

export function useDelegationDecisions(enabled: boolean) {
  const knownThen = useKnownThen();
  return useApiQuery<StoryDelegationDecision[]>(knownThen("/api/v1/delegation-decisions"), enabled);
}

/** The meetings the versions cite, each read once; by meeting id. */
export function useStoryMeetings(meetingIds: ReadonlyArray<string>): ReadonlyMap<string, StoryMeeting | "failed"> {
  const knownThen = useKnownThen();
  const reads = useApiQueries<StoryMeeting>(meetingIds.map((id) => knownThen(`/api/v1/meetings/${segment(id)}`)));
  const found = new Map<string, StoryMeeting | "failed">();
  reads.forEach((read, index) => {
    if (read.data) found.set(meetingIds[index]!, read.data);
    else if (read.error) found.set(meetingIds[index]!, "failed");
  });
  return found;
}

/** Who recorded a change: the person's name as the API says it (opened with their key, or "erased"), or no person. */
export type Actor =
  | { readonly kind: "person"; readonly name: string }
  | { readonly kind: "no-person" }
  | { readonly kind: "unknown" }
  | { readonly kind: "loading" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The actors of the versions by id: each person read from GET /people/{id}. An actor id that
 * is no person id (an admin's or auditor's login: the token's subject) is not asked for.
 */
export function useActors(actorIds: ReadonlyArray<string>): (id: string) => Actor {
  const personIds = actorIds.filter((id) => UUID.test(id));
  const reads = useApiQueries<Person>(personIds.map((id) => `/api/v1/people/${segment(id)}`));
  return (id) => {
    if (!UUID.test(id)) return { kind: "no-person" };
    const read = reads[personIds.indexOf(id)];
    if (read?.data) return { kind: "person", name: read.data.name };
    // No person by that id: a login's subject that looks like an id.
    if (read?.error instanceof ApiProblem && read.error.status === 404) return { kind: "no-person" };
    if (read?.error) return { kind: "unknown" };
    return { kind: "loading" };
  };
}
