import { AgreeNextStepInput } from "#application/inputs";
import type { z } from "zod";
import type { WriteAnswer } from "../../api/types";
import { ChoiceField } from "../../components/ChoiceField";
import { TextInputField } from "../../components/TextInputField";
import { useCommandForm } from "../../forms/use-command-form";
import { useLanguage } from "../../i18n/language";
import { useMessages } from "../../i18n/define-messages";
import { CommandSection } from "./CommandSection";
import { messages } from "./messages";
import { writeToMeeting } from "./write-to-meeting";

interface Draft extends Record<string, string> {
  text: string;
  ownerId: string;
  due: string;
}

const EMPTY: Draft = { text: "", ownerId: "", due: "" };

/** A next step agreed: what, who is responsible (one of those present, by name) and by when. */
export function NextStepForm({
  meetingId,
  attendees,
}: {
  meetingId: string;
  attendees: ReadonlyArray<{ id: string; name: string }>;
}) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const form = useCommandForm<Draft, z.output<typeof AgreeNextStepInput>, WriteAnswer>({
    initial: EMPTY,
    schema: AgreeNextStepInput,
    toInput: (draft) => ({
      meetingId,
      text: draft.text,
      ...(draft.ownerId === "" ? {} : { ownerId: draft.ownerId }),
      ...(draft.due === "" ? {} : { due: draft.due }),
    }),
    send: (input) => writeToMeeting("next-steps", input, language),
    onDone: () => form.setDraft(EMPTY),
    missing: m.nextStepMissing,
    forbidden: m.notCoreTeam,
  });
  const { draft, set, errors } = form;
  return (
    <CommandSection
      id="next-step-form"
      notSaved={m.nextStepNotSaved}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      saved={{ count: form.saves, text: m.savedEntry.nextStep }}
      submitLabel={m.nextStepSubmit}
    >
      <TextInputField
        id="text"
        label={m.nextStepText}
        value={draft.text}
        onChange={set("text")}
        error={errors.text}
        multiline
        personalDataNote
      />
      <ChoiceField
        id="ownerId"
        label={m.ownerOptional}
        value={draft.ownerId}
        onChange={set("ownerId")}
        options={[{ value: "", label: m.noOwner }, ...attendees.map((person) => ({ value: person.id, label: person.name }))]}
        error={errors.ownerId}
      />
      <TextInputField id="due" label={m.dueOptional} value={draft.due} onChange={set("due")} error={errors.due} type="date" />
    </CommandSection>
  );
}
