import { RecordDecisionInput } from "#application/inputs";
import type { z } from "zod";
import type { WriteAnswer } from "../../api/types";
import { ChoiceField } from "../../components/ChoiceField";
import { TextInputField } from "../../components/TextInputField";
import { useCommandForm } from "../../forms/use-command-form";
import { useLanguage } from "../../i18n/language";
import { useMessages } from "../../i18n/define-messages";
import { CommandSection } from "./CommandSection";
import { messages } from "./messages";
import type { AgendaItem } from "./types";
import { writeToMeeting } from "./write-to-meeting";

const KINDS = ["budget", "mandate", "other"] as const;

interface Draft extends Record<string, string> {
  paragraph: string;
  subject: string;
  decision: string;
  rationale: string;
  kind: string;
}

const EMPTY: Draft = { paragraph: "", subject: "", decision: "", rationale: "", kind: "" };

/** A decision under a § of the agenda: the matter, the decision, why, and its kind. */
export function DecisionForm({ meetingId, agenda }: { meetingId: string; agenda: ReadonlyArray<AgendaItem> }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const form = useCommandForm<Draft, z.output<typeof RecordDecisionInput>, WriteAnswer>({
    initial: EMPTY,
    schema: RecordDecisionInput,
    toInput: (draft) => ({
      meetingId,
      subject: draft.subject,
      decision: draft.decision,
      ...(draft.rationale.trim() === "" ? {} : { rationale: draft.rationale }),
      kind: draft.kind || undefined,
      ...(draft.paragraph === "" ? {} : { paragraph: Number(draft.paragraph) }),
    }),
    send: (input) => writeToMeeting("decisions", input, language),
    // Recorded: the form is empty again for the next decision.
    onDone: () => form.setDraft(EMPTY),
    missing: m.decisionMissing,
    fieldOfRule: { "/problems/paragraph-not-on-agenda": "paragraph" },
    forbidden: m.notCoreTeam,
  });
  const { draft, set, errors } = form;
  return (
    <CommandSection
      id="decision-form"
      notSaved={m.decisionNotSaved}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      saved={{ count: form.saves, text: m.savedEntry.decision }}
      submitLabel={m.decisionSubmit}
    >
      {agenda.length > 0 && (
        <ChoiceField
          id="paragraph"
          label={m.decisionParagraph}
          value={draft.paragraph}
          onChange={set("paragraph")}
          options={agenda.map((item) => ({
            value: String(item.paragraph),
            label: `${m.paragraph(item.paragraph)} ${item.title}`,
          }))}
          error={errors.paragraph}
        />
      )}
      <TextInputField
        id="subject"
        label={m.subject}
        value={draft.subject}
        onChange={set("subject")}
        error={errors.subject}
        personalDataNote
      />
      <TextInputField
        id="decision"
        label={m.decision}
        value={draft.decision}
        onChange={set("decision")}
        error={errors.decision}
        multiline
        personalDataNote
      />
      <TextInputField
        id="rationale"
        label={m.rationaleOptional}
        value={draft.rationale}
        onChange={set("rationale")}
        error={errors.rationale}
        multiline
        personalDataNote
      />
      <ChoiceField
        id="kind"
        label={m.decisionKind}
        value={draft.kind}
        onChange={set("kind")}
        options={KINDS.map((kind) => ({ value: kind, label: m.kind[kind]! }))}
        error={errors.kind}
      />
    </CommandSection>
  );
}
