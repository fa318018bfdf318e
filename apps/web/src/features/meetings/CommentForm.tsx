import { RecordCommentInput } from "#application/inputs";
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

/** The topic choice that means "something else": the topic is then typed. */
const OTHER = "other";

interface Draft extends Record<string, string> {
  topic: string;
  otherTopic: string;
  comment: string;
}

const EMPTY: Draft = { topic: "", otherTopic: "", comment: "" };

/**
 * A comment on an agenda item (its topic is the item's title, so the minutes print it under
 * that §) or on something else, typed.
 */
export function CommentForm({ meetingId, agenda }: { meetingId: string; agenda: ReadonlyArray<AgendaItem> }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const topicOf = (draft: Draft) => (draft.topic === OTHER ? draft.otherTopic : draft.topic);
  const form = useCommandForm<Draft, z.output<typeof RecordCommentInput>, WriteAnswer>({
    initial: EMPTY,
    schema: RecordCommentInput,
    toInput: (draft) => ({ meetingId, topic: topicOf(draft), comment: draft.comment }),
    send: (input) => writeToMeeting("comments", input, language),
    onDone: () => form.setDraft(EMPTY),
    missing: { topic: m.commentMissing.topic, comment: m.commentMissing.comment },
    // A typed topic's error belongs to the text field it was typed in.
    fieldOf: (path): keyof Draft | undefined => {
      const name = path.replace(/^body\./, "").split(".")[0];
      if (name === "topic") return form.draft.topic === OTHER ? "otherTopic" : "topic";
      return name === "comment" ? "comment" : undefined;
    },
    forbidden: m.notCoreTeam,
  });
  const { draft, set, errors } = form;
  return (
    <CommandSection
      id="comment-form"
      notSaved={m.commentNotSaved}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      saved={{ count: form.saves, text: m.savedEntry.comment }}
      submitLabel={m.commentSubmit}
    >
      <ChoiceField
        id="topic"
        label={m.commentTopic}
        value={draft.topic}
        onChange={set("topic")}
        options={[
          ...agenda.map((item) => ({ value: item.title, label: `${m.paragraph(item.paragraph)} ${item.title}` })),
          { value: OTHER, label: m.otherTopic },
        ]}
        error={errors.topic}
      />
      {draft.topic === OTHER && (
        <TextInputField
          id="otherTopic"
          label={m.otherTopicLabel}
          value={draft.otherTopic}
          onChange={set("otherTopic")}
          error={errors.otherTopic}
          personalDataNote
        />
      )}
      <TextInputField
        id="comment"
        label={m.comment}
        value={draft.comment}
        onChange={set("comment")}
        error={errors.comment}
        multiline
        personalDataNote
      />
    </CommandSection>
  );
}
