import { SetGoalInput } from "#application/inputs";
import { Form } from "react-aria-components";
import type { z } from "zod";
import { write } from "../../api/client";
import type { Me, WriteAnswer } from "../../api/types";
import { ErrorSummary } from "../../components/ErrorSummary";
import { TextInputField } from "../../components/TextInputField";
import { useCommandForm } from "../../forms/use-command-form";
import { useMessages } from "../../i18n/define-messages";
import { useLanguage } from "../../i18n/language";
import { navigate } from "../../router";
import { SAVED, initiativeAfter } from "../initiative/sent";
import { FormActions } from "./FormActions";
import { InitiativeFormPage } from "./InitiativeFormPage";
import { messages } from "./messages";

/** The body of POST /initiatives/{id}/goals: the input without the initiative, which the path names. */
const GoalBody = SetGoalInput.omit({ initiativeId: true });

interface Draft extends Record<string, string> {
  statement: string;
  indicator: string;
  targetDate: string;
}

function GoalForm({ initiativeId }: { initiativeId: string }) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  const { draft, set, errors, summary, sending, submit } = useCommandForm<Draft, z.output<typeof GoalBody>, WriteAnswer>({
    initial: { statement: "", indicator: "", targetDate: "" },
    schema: GoalBody,
    toInput: (draft) => ({
      statement: draft.statement,
      ...(draft.indicator.trim() === "" ? {} : { indicator: draft.indicator }),
      ...(draft.targetDate === "" ? {} : { targetDate: draft.targetDate }),
    }),
    send: (input) => write<WriteAnswer>(`/api/v1/initiatives/${encodeURIComponent(initiativeId)}/goals`, input, language),
    onDone: () => navigate(initiativeAfter(initiativeId, SAVED.goal)),
    missing: m.goalMissing,
    forbidden: m.notAllowed,
  });
  return (
    <>
      <ErrorSummary items={summary} title={m.goalNotSaved} />
      <Form onSubmit={(event) => void submit(event)} validationBehavior="aria" className="form">
        <TextInputField
          id="statement"
          label={m.statement}
          value={draft.statement}
          onChange={set("statement")}
          error={errors.statement}
          multiline
          personalDataNote
        />
        <TextInputField
          id="indicator"
          label={m.indicator}
          value={draft.indicator}
          onChange={set("indicator")}
          error={errors.indicator}
          personalDataNote
        />
        <TextInputField
          id="targetDate"
          label={m.targetDate}
          value={draft.targetDate}
          onChange={set("targetDate")}
          error={errors.targetDate}
          type="date"
        />
        <FormActions initiativeId={initiativeId} sending={sending} />
      </Form>
    </>
  );
}

/** /initiativ/{id}/nytt-mal: a goal of the initiative's goal picture (målbild), with its indicator. */
export function SetGoalPage({ me, initiativeId }: { me: Me; initiativeId: string }) {
  const m = useMessages(messages);
  return (
    <InitiativeFormPage me={me} initiativeId={initiativeId} title={m.setGoalTitle}>
      {(initiative) => <GoalForm initiativeId={initiative.id} />}
    </InitiativeFormPage>
  );
}
