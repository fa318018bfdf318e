import { FocusedNotice } from "../../components/FocusedNotice";
import { RegisterMinutesInput } from "#application/inputs";
import { Link } from "react-aria-components";
import type { Me } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { useDocumentTitle } from "../../components/document-title";
import { byName, formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { useMessages } from "../../i18n/define-messages";
import { SENT_PARAMETER, paths, useSearch } from "../../router";
import { AdjustmentSection } from "./AdjustmentSection";
import { CommentForm } from "./CommentForm";
import { DecisionForm } from "./DecisionForm";
import { HoldMeetingForm } from "./HoldMeetingForm";
import { MinutesAction } from "./MinutesAction";
import { NextStepForm } from "./NextStepForm";
import { OfficersForm } from "./OfficersForm";
import { RecordedComments, RecordedDecisions, RecordedNextSteps } from "./RecordedItems";
import { useMeetingName } from "./meeting-name";
import { messages } from "./messages";
import { useMinutes, usePersonName } from "./queries";
import type { Minutes } from "./types";
import "./meetings.css";

/** Who chairs, keeps and adjusts the minutes, as appointed. */
function Officers({ minutes, nameOf }: { minutes: Minutes; nameOf: (id: string | null) => string }) {
  const m = useMessages(messages);
  if (minutes.chairId === null) return <p>{m.notAppointed}</p>;
  return (
    <dl className="facts">
      <dt>{m.chair}</dt>
      <dd>{nameOf(minutes.chairId)}</dd>
      <dt>{m.secretary}</dt>
      <dd>{nameOf(minutes.secretaryId)}</dd>
      <dt>{m.adjusters}</dt>
      <dd>{minutes.adjusterIds.map(nameOf).join(", ") || m.notAppointed}</dd>
    </dl>
  );
}

/** A held or approved meeting: its minutes as recorded, with the forms while they may change. */
function HeldMeeting({ minutes, me }: { minutes: Minutes; me: Me }) {
  const m = useMessages(messages);
  const nameOf = usePersonName();
  const coreTeam = me.roles.includes("core-team");
  // Once an adjuster has adjusted, the minutes are frozen (minutes-under-adjustment): no forms.
  const editable = coreTeam && minutes.status === "held" && minutes.adjustments.length === 0;
  const attendees = minutes.attendees.map((id) => ({ id, name: nameOf(id) })).sort(byName);
  return (
    <>
      {editable ? (
        <OfficersForm minutes={minutes} attendees={attendees} />
      ) : (
        <section aria-labelledby="officers-title" className="meeting-section">
          <h2 id="officers-title">{m.officersTitle}</h2>
          <Officers minutes={minutes} nameOf={nameOf} />
        </section>
      )}
      <section aria-labelledby="decisions-title" className="meeting-section">
        <h2 id="decisions-title">{m.decisionsTitle}</h2>
        <RecordedDecisions minutes={minutes} />
        {editable && <DecisionForm meetingId={minutes.id} agenda={minutes.agendaItems} />}
      </section>
      <section aria-labelledby="comments-title" className="meeting-section">
        <h2 id="comments-title">{m.commentsTitle}</h2>
        <RecordedComments minutes={minutes} />
        {editable && <CommentForm meetingId={minutes.id} agenda={minutes.agendaItems} />}
      </section>
      <section aria-labelledby="next-steps-title" className="meeting-section">
        <h2 id="next-steps-title">{m.nextStepsTitle}</h2>
        <RecordedNextSteps minutes={minutes} nameOf={nameOf} />
        {editable && <NextStepForm meetingId={minutes.id} attendees={attendees} />}
      </section>
      <section aria-labelledby="registration-title" className="meeting-section">
        <h2 id="registration-title">{m.registrationTitle}</h2>
        {minutes.registrationNumber ? (
          <p>{minutes.registrationNumber}</p>
        ) : (
          <>
            <p>{m.noRegistrationNumber}</p>
            {coreTeam && (
              <MinutesAction
                meetingId={minutes.id}
                schema={RegisterMinutesInput}
                path="registration"
                label={m.register}
                notSaved={m.registrationNotSaved}
                forbidden={m.notCoreTeam}
              />
            )}
          </>
        )}
      </section>
      {minutes.status === "held" && coreTeam && (
        <AdjustmentSection minutes={minutes} personId={me.person?.id ?? null} nameOf={nameOf} />
      )}
    </>
  );
}

/**
 * Ett möte / A meeting, by how far it has come: planned (the form to say it was held),
 * held (officers, decisions under their §, comments, next steps, registration number,
 * adjustment), approved (read only, with the day it was approved).
 */
export function MeetingPage({ me, meetingId }: { me: Me; meetingId: string }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const name = useMeetingName();
  const query = useMinutes(meetingId);
  // A step that changed what the page shows came back here saying so (meeting-after.ts).
  const sent = new URLSearchParams(useSearch()).get(SENT_PARAMETER);
  useDocumentTitle(query.data ? name(query.data) : m.meetingTitle);
  return (
    <QueryState query={query}>
      {(minutes) => (
        <>
          <h1>{name(minutes)}</h1>
          {sent !== null && m.savedStep[sent] !== undefined && <FocusedNotice key={sent} text={m.savedStep[sent]} />}
          <p>
            {m.statusLabel}: {m.status[minutes.status]}
            {minutes.heldOn === null && minutes.plannedOn && (
              <>
                <br />
                {m.plannedFor(formatDate(minutes.plannedOn, language))}
              </>
            )}
          </p>
          {minutes.approvedOn && (
            <p className="success">
              {m.approvedOn(formatDate(minutes.approvedOn, language))} {m.approvedReadOnly}
            </p>
          )}
          {minutes.status !== "planned" && (
            <p>
              <Link href={paths.minutes(minutes.id)}>{m.readMinutes}</Link>
            </p>
          )}
          <section aria-labelledby="agenda-title" className="meeting-section">
            <h2 id="agenda-title">{m.agenda}</h2>
            {minutes.agendaItems.length === 0 ? (
              <p>{m.noAgenda}</p>
            ) : (
              <ol className="agenda">
                {minutes.agendaItems.map((item) => (
                  <li key={item.paragraph}>
                    {m.paragraph(item.paragraph)} {item.title}
                  </li>
                ))}
              </ol>
            )}
          </section>
          {minutes.status === "planned" ? (
            me.roles.includes("core-team") && <HoldMeetingForm meetingId={minutes.id} plannedOn={minutes.plannedOn} />
          ) : (
            <HeldMeeting minutes={minutes} me={me} />
          )}
          <p>
            <Link href={paths.meetings}>{m.backToMeetings}</Link>
          </p>
        </>
      )}
    </QueryState>
  );
}
