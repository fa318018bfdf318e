import { PlanMeetingInput } from "#application/inputs";
import { Button, Form, Link } from "react-aria-components";
import type { z } from "zod";
import { write } from "../../api/client";
import type { Me, WriteAnswer } from "../../api/types";
import { ChoiceField } from "../../components/ChoiceField";
import { ErrorSummary } from "../../components/ErrorSummary";
import { TextInputField } from "../../components/TextInputField";
import { useDocumentTitle } from "../../components/document-title";
import { useCommandForm } from "../../forms/use-command-form";
import { useLanguage } from "../../i18n/language";
import { useMessages } from "../../i18n/define-messages";
import { navigate, paths } from "../../router";
import { AgendaChoice } from "./AgendaChoice";
import { useFocusAreaName } from "./meeting-name";
import { messages } from "./messages";
import { useAgendaCandidates, useCoreTeamAreas } from "./queries";
import "./meetings.css";

interface Draft extends Record<string, string | ReadonlyArray<string>> {
  body: string;
  focusArea: string;
  plannedOn: string;
  /** The open items chosen, by their key in the candidates' list. */
  chosen: ReadonlyArray<string>;
  /** Agenda items written here, after the open items. */
  extra: ReadonlyArray<string>;
}

/**
 * Planera ett möte / Plan a meeting: the body, the focus area and the day, and an agenda
 * drawn from the open items (GET /agenda-candidates) with items of one's own after them.
 */
function PlanMeetingForm({ areas }: { areas: ReadonlyArray<string> }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const areaName = useFocusAreaName();
  const form = useCommandForm<Draft, z.output<typeof PlanMeetingInput>, WriteAnswer>({
    initial: { body: "core-team", focusArea: areas.length === 1 ? areas[0]! : "", plannedOn: "", chosen: [], extra: [""] },
    schema: PlanMeetingInput,
    toInput: (draft) => ({
      body: draft.body || undefined,
      focusArea: draft.focusArea || undefined,
      plannedOn: draft.plannedOn,
      agenda: agendaOf(draft),
    }),
    send: (input) => write<WriteAnswer>("/api/v1/meetings/planned", input, language),
    onDone: (answer) => navigate(paths.meeting(answer.id)),
    missing: m.planMissing,
    forbidden: m.notCoreTeam,
    // Two items alike are most often one's own typed twice, or typed as an open item reads.
    fieldOfRule: { "/problems/agenda-items-alike": "extra" },
    // agenda.N: an open item chosen, or one of one's own after them.
    fieldOf: (path): keyof Draft | undefined => {
      const [name, index] = path.replace(/^body\./, "").split(".");
      if (name === "agenda") return Number(index) < form.draft.chosen.length ? "chosen" : "extra";
      return name === "body" || name === "focusArea" || name === "plannedOn" ? name : undefined;
    },
  });
  const { draft, set, errors } = form;
  const candidates = useAgendaCandidates(draft.focusArea, draft.focusArea !== "");

  function agendaOf(current: Draft) {
    const list = candidates.data ?? [];
    const chosen = list.filter((_, index) => current.chosen.includes(String(index)));
    const own = current.extra.filter((title) => title.trim() !== "").map((title) => ({ title }));
    return [...chosen.map((candidate) => ({ title: candidate.title, source: candidate.source })), ...own];
  }

  const setExtra = (index: number, value: string) => set("extra")(draft.extra.map((title, i) => (i === index ? value : title)));

  return (
    <>
      <ErrorSummary items={form.summary} title={m.planNotSaved} />
      <Form onSubmit={(event) => void form.submit(event)} validationBehavior="aria" className="form">
        <ChoiceField
          id="body"
          label={m.bodyLabel}
          value={draft.body}
          onChange={set("body")}
          options={(["core-team", "board"] as const).map((body) => ({ value: body, label: m.body[body]! }))}
          error={errors.body}
        />
        {areas.length === 1 ? (
          <p id="focusArea" className="field">
            <strong>{m.focusAreaLabel}:</strong> {areaName(areas[0]!)}
          </p>
        ) : (
          <ChoiceField
            id="focusArea"
            label={m.focusAreaLabel}
            value={draft.focusArea}
            onChange={(focusArea) => form.setDraft((current) => ({ ...current, focusArea, chosen: [] }))}
            options={areas.map((area) => ({ value: area, label: areaName(area) }))}
            error={errors.focusArea}
          />
        )}
        <TextInputField
          id="plannedOn"
          label={m.plannedOnLabel}
          value={draft.plannedOn}
          onChange={set("plannedOn")}
          error={errors.plannedOn}
          type="date"
        />
        {draft.focusArea !== "" && (
          <AgendaChoice id="chosen" candidates={candidates} value={draft.chosen} onChange={set("chosen")} error={errors.chosen} />
        )}
        <fieldset id="extra" className="field" tabIndex={-1}>
          <legend>{m.ownItems}</legend>
          {draft.extra.map((title, index) => (
            <div key={index} className="own-item">
              <TextInputField
                id={`extra-${index}`}
                label={m.ownItem(index + 1)}
                value={title}
                onChange={(value) => setExtra(index, value)}
                error={undefined}
                personalDataNote
              />
              {draft.extra.length > 1 && (
                <Button className="button secondary" onPress={() => set("extra")(draft.extra.filter((_, i) => i !== index))}>
                  {m.removeItem(index + 1)}
                </Button>
              )}
            </div>
          ))}
          {errors.extra && <p className="field-error">{errors.extra}</p>}
          <Button className="button secondary" onPress={() => set("extra")([...draft.extra, ""])}>
            {m.addItem}
          </Button>
        </fieldset>
        <div className="actions">
          <Button type="submit" className="button" isDisabled={form.sending}>
            {m.planSubmit}
          </Button>
          <Link href={paths.meetings}>{m.backToMeetings}</Link>
        </div>
      </Form>
    </>
  );
}

export function PlanMeetingPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  useDocumentTitle(m.planMeetingTitle);
  const areas = useCoreTeamAreas().data?.coreTeam ?? [];
  return (
    <>
      <h1>{m.planMeetingTitle}</h1>
      {me.roles.includes("core-team") && areas.length > 0 ? <PlanMeetingForm areas={areas} /> : <p>{m.notCoreTeam}</p>}
    </>
  );
}
