import { RaiseTensionInput } from "#application/inputs";
import { Form } from "react-aria-components";
import type { z } from "zod";
import { write } from "../../api/client";
import type { InitiativeOverview, Me, WriteAnswer } from "../../api/types";
import { ChoiceField } from "../../components/ChoiceField";
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
import { RatingField } from "./RatingField";

const CATEGORIES = ["line-vs-collaboration", "between-organisations", "roles", "resources", "direction", "other"] as const;

interface Draft extends Record<string, string> {
  category: string;
  description: string;
  intensity: string;
  raisedOn: string;
}

function TensionForm({ initiative }: { initiative: InitiativeOverview }) {
  const { language, t } = useLanguage();
  const m = useMessages(messages);
  const { draft, set, errors, summary, sending, submit } = useCommandForm<Draft, z.output<typeof RaiseTensionInput>, WriteAnswer>(
    {
      initial: { category: "", description: "", intensity: "", raisedOn: todayInStockholm() },
      schema: RaiseTensionInput,
      toInput: (draft) => ({
        initiativeIds: [initiative.id],
        category: draft.category || undefined,
        description: draft.description,
        intensity: numberOf(draft.intensity),
        raisedOn: draft.raisedOn,
      }),
      send: (input) => write<WriteAnswer>("/api/v1/tensions", input, language),
      onDone: () => navigate(initiativeAfter(initiative.id, SAVED.tension)),
      missing: m.tensionMissing,
      fieldOfRule: { "/problems/tension-dated-in-future": "raisedOn" },
      forbidden: m.notAllowed,
    },
  );
  return (
    <>
      <ErrorSummary items={summary} title={m.tensionNotSaved} />
      <Form onSubmit={(event) => void submit(event)} validationBehavior="aria" className="form">
        <ChoiceField
          id="category"
          label={m.category}
          value={draft.category}
          onChange={set("category")}
          options={CATEGORIES.map((category) => {
            const name = t.tensionCategory[category]!;
            return { value: category, label: name.charAt(0).toUpperCase() + name.slice(1) };
          })}
          error={errors.category}
        />
        <TextInputField
          id="description"
          label={m.description}
          value={draft.description}
          onChange={set("description")}
          error={errors.description}
          multiline
          personalDataNote
        />
        <RatingField
          id="intensity"
          label={m.intensity}
          names={m.scale}
          value={draft.intensity}
          onChange={set("intensity")}
          error={errors.intensity}
        />
        <TextInputField
          id="raisedOn"
          label={m.raisedOn}
          value={draft.raisedOn}
          onChange={set("raisedOn")}
          error={errors.raisedOn}
          type="date"
        />
        <FormActions initiativeId={initiative.id} sending={sending} />
      </Form>
    </>
  );
}

/** /initiativ/{id}/ny-spanning: a tension (spänning) the initiative meets, raised for the Core Team to see. */
export function RaiseTensionPage({ me, initiativeId }: { me: Me; initiativeId: string }) {
  const m = useMessages(messages);
  return (
    <InitiativeFormPage me={me} initiativeId={initiativeId} title={m.raiseTensionTitle}>
      {(initiative) => <TensionForm initiative={initiative} />}
    </InitiativeFormPage>
  );
}
