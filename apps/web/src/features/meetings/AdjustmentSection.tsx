import { AdjustMinutesInput, ApproveMinutesInput } from "#application/inputs";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { useMessages } from "../../i18n/define-messages";
import { MinutesAction } from "./MinutesAction";
import { messages } from "./messages";
import type { Minutes } from "./types";

/**
 * Justering: whose adjustments are in, and the button for the two adjusters only (each signed
 * in as themselves; with both the minutes are approved). Minutes without adjusters are
 * approved by the Core Team instead (POST /approval).
 */
export function AdjustmentSection({
  minutes,
  personId,
  nameOf,
}: {
  minutes: Minutes;
  personId: string | null;
  nameOf: (id: string | null) => string;
}) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  if (minutes.adjusterIds.length === 0) {
    return (
      <section aria-labelledby="approval-title" className="meeting-section">
        <h2 id="approval-title">{m.approvalTitle}</h2>
        <p>{m.approvalIntro}</p>
        <MinutesAction
          meetingId={minutes.id}
          schema={ApproveMinutesInput}
          path="approval"
          label={m.approve}
          notSaved={m.approveNotSaved}
          forbidden={m.notCoreTeam}
        />
      </section>
    );
  }
  const adjustedOn = (id: string) => minutes.adjustments.find((adjustment) => adjustment.adjusterId === id)?.on;
  const isAdjuster = personId !== null && minutes.adjusterIds.includes(personId);
  return (
    <section aria-labelledby="adjustment-title" className="meeting-section">
      <h2 id="adjustment-title">{m.adjustmentTitle}</h2>
      <ul>
        {minutes.adjusterIds.map((id) => {
          const on = adjustedOn(id);
          return <li key={id}>{on ? m.adjustedBy(nameOf(id), formatDate(on, language)) : m.notYetAdjustedBy(nameOf(id))}</li>;
        })}
      </ul>
      {!isAdjuster && <p className="note">{m.onlyAdjusters}</p>}
      {isAdjuster && adjustedOn(personId) && <p className="success">{m.youAdjusted}</p>}
      {isAdjuster && !adjustedOn(personId) && (
        <>
          <p>{m.adjustNote}</p>
          <MinutesAction
            meetingId={minutes.id}
            schema={AdjustMinutesInput}
            path="adjustment"
            label={m.adjust}
            notSaved={m.adjustNotSaved}
            forbidden={m.onlyAdjusters}
          />
        </>
      )}
    </section>
  );
}
