import { HoldPlannedMeetingInput } from "#application/inputs";
import type { z } from "zod";
import type { WriteAnswer } from "../../api/types";
import { PeopleChoice } from "../../components/PeopleChoice";
import { TextInputField } from "../../components/TextInputField";
import { useCommandForm } from "../../forms/use-command-form";
import { todayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { useMessages } from "../../i18n/define-messages";
import { CommandSection } from "./CommandSection";
import { messages } from "./messages";
import { writeToMeeting } from "./write-to-meeting";
import { meetingAfter } from "./meeting-after";
import { navigate } from "../../router";

interface Draft extends Record<string, string | ReadonlyArray<string>> {
  heldOn: string;
  attendees: ReadonlyArray<string>;
  absentees: ReadonlyArray<string>;
}

/** Mötet hölls: a planned meeting held on a day, with who was present and who was absent, by name. */
export function HoldMeetingForm({ meetingId, plannedOn }: { meetingId: string; plannedOn: string | null }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const form = useCommandForm<Draft, z.output<typeof HoldPlannedMeetingInput>, WriteAnswer>({
    initial: { heldOn: plannedOn ?? todayInStockholm(), attendees: [], absentees: [] },
    schema: HoldPlannedMeetingInput,
    toInput: (draft) => ({ meetingId, ...draft }),
    send: (input) => writeToMeeting("held", input, language),
    onDone: () => navigate(meetingAfter(meetingId, "held")),
    missing: m.holdMissing,
    fieldOfRule: {
      "/problems/attendee-also-absent": "absentees",
      "/problems/meeting-held-in-future": "heldOn",
      "/problems/meeting-without-attendees": "attendees",
    },
    forbidden: m.notCoreTeam,
  });
  const { draft, set, errors } = form;
  return (
    <CommandSection
      id="hold-title"
      title={m.holdTitle}
      intro={<p>{m.holdIntro}</p>}
      notSaved={m.holdNotSaved}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      submitLabel={m.holdSubmit}
    >
      <TextInputField
        id="heldOn"
        label={m.heldOnLabel}
        value={draft.heldOn}
        onChange={set("heldOn")}
        error={errors.heldOn}
        type="date"
      />
      <PeopleChoice
        id="attendees"
        label={m.attendees}
        value={draft.attendees}
        onChange={set("attendees")}
        error={errors.attendees}
      />
      <PeopleChoice
        id="absentees"
        label={m.absentees}
        value={draft.absentees}
        onChange={set("absentees")}
        error={errors.absentees}
      />
    </CommandSection>
  );
}
