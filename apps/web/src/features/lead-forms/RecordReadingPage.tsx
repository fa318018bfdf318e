import { RecordIndicatorReadingInput } from "#application/inputs";
import { Form } from "react-aria-components";
import type { z } from "zod";
import { write } from "../../api/client";
import type { InitiativeOverview, Me, WriteAnswer } from "../../api/types";
import { ErrorSummary } from "../../components/ErrorSummary";
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

/** The body of POST /initiatives/{id}/goals/{goalId}/readings: the path names the initiative and the goal. */
const ReadingBody = RecordIndicatorReadingInput.omit({ initiativeId: true, goalId: true });

interface Draft extends Record<string, string> {
  value: string;
  unit: string;
  on: string;
  note: string;
}

function ReadingForm({ initiative, goalId }: { initiative: InitiativeOverview; goalId: string }) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  const goal = initiative.goals.find((each) => each.goalId === goalId);
  const path = `/api/v1/initiatives/${encodeURIComponent(initiative.id)}/goals/${encodeURIComponent(goalId)}/readings`;
  const { draft, set, errors, summary, sending, submit } = useCommandForm<Draft, z.output<typeof ReadingBody>, WriteAnswer>({
    initial: { value: "", unit: "", on: todayInStockholm(), note: "" },
    schema: ReadingBody,
    toInput: (draft) => ({
      value: numberOf(draft.value, language),
      unit: draft.unit,
      on: draft.on,
      ...(draft.note.trim() === "" ? {} : { note: draft.note }),
    }),
    send: (input) => write<WriteAnswer>(path, input, language),
    onDone: () => navigate(initiativeAfter(initiative.id, SAVED.reading)),
    missing: m.readingMissing,
    unreadable: { value: m.readingUnreadable },
    fieldOfRule: { "/problems/indicator-reading-in-future": "on" },
    forbidden: m.notAllowed,
  });
  return (
    <>
      {/* Readings may be of achieved and dropped goals too, which the overview does not list. */}
      {goal && (
        <p>
          {m.goal}: <strong>{goal.statement}</strong>
        </p>
      )}
      <ErrorSummary items={summary} title={m.readingNotSaved} />
      <Form onSubmit={(event) => void submit(event)} validationBehavior="aria" className="form">
        <TextInputField
          id="value"
          label={m.value}
          value={draft.value}
          onChange={set("value")}
          error={errors.value}
          inputMode="decimal"
        />
        <TextInputField id="unit" label={m.unit} value={draft.unit} onChange={set("unit")} error={errors.unit} personalDataNote />
        <TextInputField id="on" label={m.on} value={draft.on} onChange={set("on")} error={errors.on} type="date" />
        <TextInputField
          id="note"
          label={m.note}
          value={draft.note}
          onChange={set("note")}
          error={errors.note}
          multiline
          personalDataNote
        />
        <FormActions initiativeId={initiative.id} sending={sending} />
      </Form>
    </>
  );
}

/** /initiativ/{id}/mal/{goalId}/ny-matning: a reading (mätvärde) of a goal's indicator. */
export function RecordReadingPage({ me, initiativeId, goalId }: { me: Me; initiativeId: string; goalId: string }) {
  const m = useMessages(messages);
  return (
    <InitiativeFormPage me={me} initiativeId={initiativeId} title={m.recordReadingTitle}>
      {(initiative) => <ReadingForm initiative={initiative} goalId={goalId} />}
    </InitiativeFormPage>
  );
}
