import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { announcePosition, logPosition } from "./client";

// The screen follows the log: while someone is signed in, the app listens to the API's live
// feed (docs/api.md "Live feed"), and when something is recorded it reads again what is on
// screen, with the event's position as minPosition, so a signal a lead submits elsewhere
// appears on the Core Team's To do without a reload.

const LIVE_FEED = "/api/v1/events/live";

/** Events come in bursts (minutes are several events): one refresh once the burst is over… */
const QUIET_MS = 300;
/** …or at the latest this long after its first event, if events never stop. */
const MAX_WAIT_MS = 2_000;
/** A feed the server refused (429, 401) is not reopened by the browser: try again this much later. */
const REOPEN_MS = 30_000;

function useLiveRefresh(signedIn: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!signedIn) return;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let burstStart = 0;
    let opened = 0;

    // Only the queries on screen read again (invalidateQueries refetches the active ones).
    const refresh = () => {
      const now = Date.now();
      if (timer === undefined) burstStart = now;
      else clearTimeout(timer);
      timer = setTimeout(
        () => {
          timer = undefined;
          // A read that marks itself `meta: { live: false }` (the log's verification) is left alone.
          void queryClient.invalidateQueries({ predicate: (query) => query.meta?.live !== false });
        },
        Math.max(0, Math.min(QUIET_MS, burstStart + MAX_WAIT_MS - now)),
      );
    };

    const onEvent = (event: MessageEvent<string>) => {
      const position = Number((JSON.parse(event.data) as { position?: unknown }).position);
      if (!Number.isInteger(position)) return;
      // The page's own write: its form has already read everything up to it again.
      if (position <= logPosition()) return;
      announcePosition(position);
      refresh();
    };

    const open = () => {
      // The cookie session goes along by itself (same origin); the browser reconnects with
      // Last-Event-ID after a dropped connection, and the server replays what was missed.
      source = new EventSource(LIVE_FEED);
      source.addEventListener("message", onEvent);
      source.addEventListener("open", () => {
        // A feed opened again after a refusal starts at the head: read what it missed.
        if (opened++ > 0) refresh();
      });
      source.addEventListener("error", () => {
        if (source?.readyState === EventSource.CLOSED) reopen = setTimeout(open, REOPEN_MS);
      });
    };
    open();

    return () => {
      source?.close();
      clearTimeout(timer);
      clearTimeout(reopen);
    };
  }, [signedIn, queryClient]);
}

/**
 * Someone is signed in: the last read of GET /me (made by the app, useMe) succeeded. Watched
 * in the query cache itself, since signing out clears the cache (SignOutButton) and the
 * cache tells its subscribers, where an observer of the cleared query would not hear of it.
 */
function useSignedIn(): boolean {
  const cache = useQueryClient().getQueryCache();
  return useSyncExternalStore(
    (listener) => cache.subscribe(listener),
    () => cache.findAll({ queryKey: ["/api/v1/me"] }).some((query) => query.state.status === "success"),
  );
}

/** Mounted once for the whole app: listens while someone is signed in, closed on sign-out. */
export function LiveRefresh(): null {
  useLiveRefresh(useSignedIn());
  return null;
}
