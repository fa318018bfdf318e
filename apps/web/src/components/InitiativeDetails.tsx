import type { InitiativeOverview, Me } from "../api/types";
import { ActionLinks, mayActOn } from "../features/initiative/ActionLinks";
import { AnsweredSignals } from "../features/initiative/AnsweredSignals";
import { CheckInsSection } from "../features/initiative/CheckInsSection";
import { GoalsSection } from "../features/initiative/GoalsSection";
import { InitiativeViews } from "../features/initiative/InitiativeViews";
import { LeadsSection } from "../features/initiative/LeadsSection";
import { MandateDecision } from "../features/initiative/MandateDecision";
import { OpenTensions } from "../features/initiative/OpenTensions";
import { SavedNotice } from "../features/initiative/SavedNotice";
import { UnansweredSignals } from "../features/initiative/UnansweredSignals";
import "../features/initiative/initiative.css";
import { useLanguage } from "../i18n/language";
import { PastBanner } from "../time-travel/PastBanner";
import { TimeControls } from "../time-travel/TimeControls";
import { useTimeTravel } from "../time-travel/use-time-travel";
import { MandateLetter } from "./MandateLetter";

/**
 * One initiative as it stands on the day shown (today, or the time machine's): its mandate
 * letter and the decision behind it, its goals with their readings, leads, open tensions,
 * signals with their answers, and check-ins. In the past it is read only: no forms.
 */
export function InitiativeDetails({ initiative, me }: { initiative: InitiativeOverview; me: Me }) {
  const { t } = useLanguage();
  const { inPast } = useTimeTravel();
  return (
    <>
      <h1>{initiative.name}</h1>
      <PastBanner subject="initiative" />
      <SavedNotice />
      {initiative.description && <p>{initiative.description}</p>}
      {!inPast && <ActionLinks initiative={initiative} me={me} />}
      <InitiativeViews initiative={initiative} />
      <TimeControls />
      {initiative.mandate ? (
        <MandateLetter mandate={initiative.mandate}>
          <MandateDecision initiativeId={initiative.id} mandateId={initiative.mandate.mandateId} />
        </MandateLetter>
      ) : (
        <p>{t.noMandate}</p>
      )}
      <GoalsSection initiative={initiative} mayAct={!inPast && mayActOn(initiative, me)} />
      <LeadsSection leads={initiative.leads} />
      <OpenTensions tensions={initiative.openTensions} />
      <UnansweredSignals signals={initiative.unansweredSignals} />
      <AnsweredSignals initiativeId={initiative.id} />
      <CheckInsSection initiative={initiative} />
    </>
  );
}
