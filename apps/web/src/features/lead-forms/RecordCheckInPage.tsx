import { HoldCheckInInput } from "#application/inputs";
import { Form } from "react-aria-components";
import type { z } from "zod";
import { write } from "../../api/client";
import type { InitiativeOverview, Me, WriteAnswer } from "../../api/types";
import { ChoiceField } from "../../components/ChoiceField";
import { ErrorSummary } from "../../components/ErrorSummary";
import { PeopleChoice } from "../../components/PeopleChoice";
import { TextInputField } from "../../components/TextInputField";
import { useCommandForm } from "../../forms/use-command-form";
import { useMessages } from "../../i18n/define-messages";
import { todayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { navigate } from "../../router";
import { SAVED, initiativeAfter } from "../initiative/sent";
import { numberOf } from "./draft-number";
import { FormActions } from "./FormActions";
import { InitiativeFormPage } from "./InitiativeFormPage";
import { messages } from "./messages";
import { RatingField } from "./RatingField";

/** The body of POST /initiatives/{id}/check-ins: the input without the initiative, which the path names. */
const CheckInBody = HoldCheckInInput.omit({ initiativeId: true });

const LEADERSHIP = ["more-direction", "more-detail", "more-space", "as-is"] as const;

interface Draft extends Record<string, string | ReadonlyArray<string>> {
  heldOn: string;
  participants: ReadonlyArray<string>;
  mandateClarity: string;
  confidence: string;
  leadershipNeeded: string;
  notes: string;
  nextCheckInOn: string;
}

function CheckInForm({ initiative, me }: { initiative: InitiativeOverview; me: Me }) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  // Those who usually take part are already ticked: the initiative's leads, and the person recording it.
  const usual = [...new Set([...initiative.leads.map((lead) => lead.personId), ...(me.person ? [me.person.id] : [])])];
  const { draft, set, errors, summary, sending, submit } = useCommandForm<Draft, z.output<typeof CheckInBody>, WriteAnswer>({
    initial: {
      heldOn: todayInStockholm(),
      participants: usual,
      mandateClarity: "",
      confidence: "",
      leadershipNeeded: "",
      notes: "",
      nextCheckInOn: "",
    },
    schema: CheckInBody,
    toInput: (draft) => ({
      heldOn: draft.heldOn,
      participants: draft.participants,
      mandateClarity: numberOf(draft.mandateClarity),
      confidence: numberOf(draft.confidence),
      leadershipNeeded: draft.leadershipNeeded || undefined,
      notes: draft.notes,
      ...(draft.nextCheckInOn === "" ? {} : { nextCheckInOn: draft.nextCheckInOn }),
    }),
    send: (input) => write<WriteAnswer>(`/api/v1/initiatives/${encodeURIComponent(initiative.id)}/check-ins`, input, language),
    onDone: () => navigate(initiativeAfter(initiative.id, SAVED.checkIn)),
    missing: m.checkInMissing,
    fieldOfRule: {
      "/problems/check-in-in-future": "heldOn",
      "/problems/person-not-registered": "participants",
      "/problems/next-check-in-not-after": "nextCheckInOn",
    },
    forbidden: m.notAllowed,
  });
  return (
    <>
      <ErrorSummary items={summary} title={m.checkInNotSaved} />
      <Form onSubmit={(event) => void submit(event)} validationBehavior="aria" className="form">
        <TextInputField
          id="heldOn"
          label={m.heldOn}
          value={draft.heldOn}
          onChange={set("heldOn")}
          error={errors.heldOn}
          type="date"
        />
        <PeopleChoice
          id="participants"
          label={m.participants}
          description={m.participantsHint}
          value={draft.participants}
          onChange={set("participants")}
          error={errors.participants}
        />
        <RatingField
          id="mandateClarity"
          label={m.mandateClarity}
          names={m.clarityScale}
          value={draft.mandateClarity}
          onChange={set("mandateClarity")}
          error={errors.mandateClarity}
        />
        <RatingField
          id="confidence"
          label={m.confidence}
          names={m.scale}
          value={draft.confidence}
          onChange={set("confidence")}
          error={errors.confidence}
        />
        <ChoiceField
          id="leadershipNeeded"
          label={m.leadershipNeeded}
          value={draft.leadershipNeeded}
          onChange={set("leadershipNeeded")}
          options={LEADERSHIP.map((need) => ({ value: need, label: m.leadership[need]! }))}
          error={errors.leadershipNeeded}
        />
        <TextInputField
          id="notes"
          label={m.notes}
          value={draft.notes}
          onChange={set("notes")}
          error={errors.notes}
          multiline
          personalDataNote
        />
        <TextInputField
          id="nextCheckInOn"
          label={m.nextCheckInOn}
          value={draft.nextCheckInOn}
          onChange={set("nextCheckInOn")}
          error={errors.nextCheckInOn}
          type="date"
        />
        <FormActions initiativeId={initiative.id} sending={sending} />
      </Form>
    </>
  );
}

/** /initiativ/{id}/ny-avstamning: a check-in held with the initiative, its participants chosen by name. */
export function RecordCheckInPage({ me, initiativeId }: { me: Me; initiativeId: string }) {
  const m = useMessages(messages);
  return (
    <InitiativeFormPage me={me} initiativeId={initiativeId} title={m.recordCheckInTitle}>
      {(initiative) => <CheckInForm initiative={initiative} me={me} />}
    </InitiativeFormPage>
  );
}
