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
import { MandateLetter } from "./MandateLetter";

/**
 * One initiative as it stands today: its mandate letter and the decision behind it, its goals
 * with their readings, leads, open tensions, signals with their answers, and check-ins.
 */
export function InitiativeDetails({ initiative, me }: { initiative: InitiativeOverview; me: Me }) {
  const { t } = useLanguage();
  return (
    <>
      <h1>{initiative.name}</h1>
      <SavedNotice />
      {initiative.description && <p>{initiative.description}</p>}
      <ActionLinks initiative={initiative} me={me} />
      <InitiativeViews initiative={initiative} />
      {initiative.mandate ? (
        <MandateLetter mandate={initiative.mandate}>
          <MandateDecision initiativeId={initiative.id} mandateId={initiative.mandate.mandateId} />
        </MandateLetter>
      ) : (
        <p>{t.noMandate}</p>
      )}
      <GoalsSection initiative={initiative} mayAct={mayActOn(initiative, me)} />
      <LeadsSection leads={initiative.leads} />
      <OpenTensions tensions={initiative.openTensions} />
      <UnansweredSignals signals={initiative.unansweredSignals} />
      <AnsweredSignals initiativeId={initiative.id} />
      <CheckInsSection initiative={initiative} />
    </>
  );
}
