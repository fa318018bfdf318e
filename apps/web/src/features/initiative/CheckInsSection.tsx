import { usePeople } from "../../api/queries";
import type { InitiativeOverview } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { useTimeTravel } from "../../time-travel/use-time-travel";
import { CheckInTrend } from "./CheckInTrend";
import { messages } from "./messages";
import { useCheckIns } from "./queries";
import { ShowAll } from "./ShowAll";

/** How many check-ins show before "Visa alla". */
const SHOWN = 5;

/**
 * The check-ins (avstämningar): when the next is due, the trend of mandate clarity and
 * confidence, and each check-in, newest first, with its participants by name.
 */
export function CheckInsSection({ initiative }: { initiative: InitiativeOverview }) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  const { day } = useTimeTravel();
  const checkIns = useCheckIns(initiative.id);
  const people = usePeople();
  const nameOf = (id: string) => people.data?.find((person) => person.id === id)?.name ?? "…";
  return (
    <section aria-labelledby="check-ins">
      <h2 id="check-ins">{m.checkIns}</h2>
      {initiative.nextCheckInDue && (
        <p>
          {m.nextCheckIn}: {formatDate(initiative.nextCheckInDue, language)}
          {initiative.checkInOverdue && <strong className="overdue"> ({m.overdue})</strong>}
        </p>
      )}
      <QueryState query={checkIns}>
        {(recorded) => {
          // Those held by the day shown (the read takes no `at`).
          const list = recorded.filter((checkIn) => checkIn.heldOn <= day);
          return list.length === 0 ? (
            <p>{m.checkInsNone}</p>
          ) : (
            <>
              <CheckInTrend checkIns={list} />
              <ShowAll items={[...list].reverse()} shown={SHOWN}>
                {(shown) => (
                  <ul className="cards check-ins">
                    {shown.map((checkIn) => (
                      <li key={checkIn.checkInId}>
                        <h3>{formatDate(checkIn.heldOn, language)}</h3>
                        <dl className="facts">
                          <dt>{m.participants}</dt>
                          <dd>
                            {checkIn.participants
                              .map(nameOf)
                              .sort((a, b) => a.localeCompare(b, "sv"))
                              .join(", ")}
                          </dd>
                          <dt>{m.mandateClarity}</dt>
                          <dd>{m.scaleOf5(checkIn.mandateClarity)}</dd>
                          <dt>{m.confidence}</dt>
                          <dd>{m.scaleOf5(checkIn.confidence)}</dd>
                          <dt>{m.leadershipNeeded}</dt>
                          <dd>{m.leadership[checkIn.leadershipNeeded] ?? checkIn.leadershipNeeded}</dd>
                          {checkIn.notes !== "" && (
                            <>
                              <dt>{m.notes}</dt>
                              <dd>{checkIn.notes}</dd>
                            </>
                          )}
                          {checkIn.nextCheckInOn && (
                            <>
                              <dt>{m.nextCheckIn}</dt>
                              <dd>{formatDate(checkIn.nextCheckInOn, language)}</dd>
                            </>
                          )}
                        </dl>
                      </li>
                    ))}
                  </ul>
                )}
              </ShowAll>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
