import { Button, Link } from "react-aria-components";
import { useApiQuery } from "../../api/queries";
import type { Me } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { useDocumentTitle } from "../../components/document-title";
import { useMessages } from "../../i18n/define-messages";
import { paths } from "../../router";
import { PastBanner } from "../../time-travel/PastBanner";
import { TimeControls } from "../../time-travel/TimeControls";
import { useTimeTravel } from "../../time-travel/use-time-travel";
import { Protocol } from "./Protocol";
import { useMeetingName } from "./meeting-name";
import { messages } from "./messages";
import { usePersonName } from "./queries";
import type { Minutes } from "./types";
import "./meetings.css";

/**
 * Protokoll / Minutes: the meeting's minutes as a Swedish protocol, to read and to print
 * (the print stylesheet in meetings.css: A4, black on white, no § split across pages).
 * The time machine shows them as known at `kant` (before their approval, say), each next
 * step's status on `galler` (GET /meetings/{id} takes `asOf` and `at`).
 */
export function MinutesPage({ meetingId }: { me: Me; meetingId: string }) {
  const m = useMessages(messages);
  const name = useMeetingName();
  const nameOf = usePersonName();
  const time = useTimeTravel();
  const query = useApiQuery<Minutes>(time.api(`/api/v1/meetings/${encodeURIComponent(meetingId)}`, { at: "at", asOf: true }));
  useDocumentTitle(query.data ? `${m.minutesTitle}: ${name(query.data)}` : m.minutesTitle);
  if (query.error)
    // Not yet recorded as known then (404), or not readable: still the way to another time.
    return (
      <>
        <h1>{m.minutesTitle}</h1>
        <PastBanner subject="minutes" />
        <QueryState query={query}>{() => null}</QueryState>
        <TimeControls />
      </>
    );
  return (
    <QueryState query={query}>
      {(minutes) =>
        minutes.status === "planned" ? (
          <>
            <h1>{m.minutesTitle}</h1>
            <PastBanner subject="minutes" />
            <p>{m.notHeldYet}</p>
            <p>
              <Link href={paths.meeting(minutes.id)}>{m.backToMeeting}</Link>
            </p>
          </>
        ) : (
          <>
            <div className="actions no-print">
              <Button className="button" onPress={() => window.print()}>
                {m.print}
              </Button>
              <Link href={paths.meeting(minutes.id)}>{m.backToMeeting}</Link>
            </div>
            <PastBanner subject="minutes" />
            <Protocol minutes={minutes} nameOf={nameOf} />
            <TimeControls />
          </>
        )
      }
    </QueryState>
  );
}
