import { Button, Link } from "react-aria-components";
import type { Me } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { useDocumentTitle } from "../../components/document-title";
import { useMessages } from "../../i18n/define-messages";
import { paths } from "../../router";
import { Protocol } from "./Protocol";
import { useMeetingName } from "./meeting-name";
import { messages } from "./messages";
import { useMinutes, usePersonName } from "./queries";
import "./meetings.css";

/**
 * Protokoll / Minutes: the meeting's minutes as a Swedish protocol, to read and to print
 * (the print stylesheet in meetings.css: A4, black on white, no § split across pages).
 */
export function MinutesPage({ meetingId }: { me: Me; meetingId: string }) {
  const m = useMessages(messages);
  const name = useMeetingName();
  const nameOf = usePersonName();
  const query = useMinutes(meetingId);
  useDocumentTitle(query.data ? `${m.minutesTitle}: ${name(query.data)}` : m.minutesTitle);
  return (
    <QueryState query={query}>
      {(minutes) =>
        minutes.status === "planned" ? (
          <>
            <h1>{m.minutesTitle}</h1>
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
            <Protocol minutes={minutes} nameOf={nameOf} />
          </>
        )
      }
    </QueryState>
  );
}
