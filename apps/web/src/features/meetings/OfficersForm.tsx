import { AppointMeetingOfficersInput } from "#application/inputs";
import type { z } from "zod";
import type { WriteAnswer } from "../../api/types";
import { ChoiceField } from "../../components/ChoiceField";
import { PeopleChoice } from "../../components/PeopleChoice";
import { useCommandForm } from "../../forms/use-command-form";
import { useLanguage } from "../../i18n/language";
import { useMessages } from "../../i18n/define-messages";
import { CommandSection } from "./CommandSection";
import { messages } from "./messages";
import type { Minutes } from "./types";
import { writeToMeeting } from "./write-to-meeting";

interface Draft extends Record<string, string | ReadonlyArray<string>> {
  chairId: string;
  secretaryId: string;
  adjusterIds: ReadonlyArray<string>;
}

/**
 * Ordförande, sekreterare och justerare, chosen among those present: one chair, one
 * secretary, exactly two adjusters (the schema's pair). Appointed again, they replace the earlier.
 */
export function OfficersForm({
  minutes,
  attendees,
}: {
  minutes: Minutes;
  attendees: ReadonlyArray<{ id: string; name: string }>;
}) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const form = useCommandForm<Draft, z.output<typeof AppointMeetingOfficersInput>, WriteAnswer>({
    initial: { chairId: minutes.chairId ?? "", secretaryId: minutes.secretaryId ?? "", adjusterIds: minutes.adjusterIds },
    schema: AppointMeetingOfficersInput,
    toInput: (draft) => ({
      meetingId: minutes.id,
      chairId: draft.chairId || undefined,
      secretaryId: draft.secretaryId || undefined,
      adjusterIds: draft.adjusterIds,
    }),
    send: (input) => writeToMeeting("officers", input, language),
    onDone: () => undefined,
    missing: m.officersMissing,
    fieldOfRule: { "/problems/adjusters-not-distinct": "adjusterIds" },
    forbidden: m.notCoreTeam,
  });
  const { draft, set, errors } = form;
  const options = attendees.map((person) => ({ value: person.id, label: person.name }));
  // Any count but two is one mistake, said plainly rather than in the tuple's terms.
  const adjusterError = errors.adjusterIds && draft.adjusterIds.length !== 2 ? m.chooseTwoAdjusters : errors.adjusterIds;
  return (
    <CommandSection
      id="officers-title"
      title={m.officersTitle}
      intro={<p>{m.officersNote}</p>}
      notSaved={m.officersNotSaved}
      summary={form.summary.map((item) =>
        item.fieldId === "adjusterIds" && adjusterError ? { ...item, message: adjusterError } : item,
      )}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      saved={{ count: form.saves, text: m.savedEntry.officers }}
      submitLabel={m.officersSubmit}
    >
      <ChoiceField
        id="chairId"
        label={m.chair}
        value={draft.chairId}
        onChange={set("chairId")}
        options={options}
        error={errors.chairId}
      />
      <ChoiceField
        id="secretaryId"
        label={m.secretary}
        value={draft.secretaryId}
        onChange={set("secretaryId")}
        options={options}
        error={errors.secretaryId}
      />
      <PeopleChoice
        id="adjusterIds"
        label={m.adjustersChoose}
        value={draft.adjusterIds}
        onChange={set("adjusterIds")}
        error={adjusterError}
        only={attendees.map((person) => person.id)}
      />
    </CommandSection>
  );
}
