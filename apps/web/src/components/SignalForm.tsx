import { SubmitSignalInput } from "#application/inputs";
import type { z } from "zod";
import { Button, Form, Link } from "react-aria-components";
import { write } from "../api/client";
import { useCommandForm } from "../forms/use-command-form";
import type { Mandate, WriteAnswer } from "../api/types";
import { ErrorSummary } from "./ErrorSummary";
import { ChoiceField } from "./ChoiceField";
import { TextInputField } from "./TextInputField";
import { todayInStockholm } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { SENT_PARAMETER, navigate, paths } from "../router";

const KINDS = ["observation", "progress", "resistance", "need", "boundary-request", "risk"] as const;
const POSITIONS = ["within", "at-edge", "beyond"] as const;

/** The form's fields, as typed. */
interface Draft extends Record<string, string> {
  kind: string;
  summary: string;
  detail: string;
  mandatePosition: string;
  clauseId: string;
  observedOn: string;
}

/**
 * The lead's signal: checked in the browser with the very schema the API checks it with
 * (SubmitSignalInput), so most mistakes are shown at once, in the person's language; what
 * the API still refuses is shown the same way, next to its field, with a summary on top.
 */
export function SignalForm({ initiativeId, name, mandate }: { initiativeId: string; name: string; mandate: Mandate | null }) {
  const { language, t } = useLanguage();
  const { draft, set, errors, summary, sending, submit } = useCommandForm<Draft, z.output<typeof SubmitSignalInput>, WriteAnswer>(
    {
      initial: { kind: "", summary: "", detail: "", mandatePosition: "", clauseId: "", observedOn: todayInStockholm() },
      schema: SubmitSignalInput,
      toInput: (draft) => ({
        initiativeId,
        kind: draft.kind || undefined,
        summary: draft.summary,
        ...(draft.detail.trim() === "" ? {} : { detail: draft.detail }),
        mandatePosition: draft.mandatePosition || undefined,
        ...(mandate ? { mandateId: mandate.mandateId } : {}),
        ...(draft.clauseId === "" ? {} : { clauseId: draft.clauseId }),
        observedOn: draft.observedOn,
      }),
      send: (input) => write<WriteAnswer>("/api/v1/signals", input, language),
      onDone: () => navigate(`${paths.initiative(initiativeId)}?${SENT_PARAMETER}`),
      missing: t.missing,
      fieldOfRule: { "/problems/clause-not-in-mandate": "clauseId", "/problems/signal-observed-in-future": "observedOn" },
      forbidden: t.notAllowedToSignal,
    },
  );

  const clauses = mandate?.clauses ?? [];
  return (
    <>
      <h1>
        {t.submitSignal}: {name}
      </h1>
      <ErrorSummary items={summary} />
      <Form onSubmit={(event) => void submit(event)} validationBehavior="aria" className="form">
        <ChoiceField
          id="kind"
          label={t.signalKind}
          value={draft.kind}
          onChange={set("kind")}
          options={KINDS.map((kind) => ({ value: kind, label: t.kind[kind]! }))}
          error={errors.kind}
        />
        <TextInputField
          id="summary"
          label={t.summary}
          value={draft.summary}
          onChange={set("summary")}
          error={errors.summary}
          personalDataNote
        />
        <TextInputField
          id="detail"
          label={t.detailOptional}
          value={draft.detail}
          onChange={set("detail")}
          error={errors.detail}
          multiline
          personalDataNote
        />
        <ChoiceField
          id="mandatePosition"
          label={t.position}
          value={draft.mandatePosition}
          onChange={set("mandatePosition")}
          options={POSITIONS.map((position) => ({ value: position, label: t.mandatePosition[position]! }))}
          error={errors.mandatePosition}
        />
        {clauses.length > 0 && (
          <ChoiceField
            id="clauseId"
            label={t.clause}
            value={draft.clauseId}
            onChange={set("clauseId")}
            options={[
              { value: "", label: t.noClause },
              ...clauses.map((clause) => ({ value: clause.id, label: `${clause.id}: ${clause.text}` })),
            ]}
            error={errors.clauseId}
          />
        )}
        <TextInputField
          id="observedOn"
          label={t.observedOnLabel}
          value={draft.observedOn}
          onChange={set("observedOn")}
          error={errors.observedOn}
          type="date"
        />
        <div className="actions">
          <Button type="submit" className="button" isDisabled={sending}>
            {sending ? t.sending : t.send}
          </Button>
          <Link href={paths.initiative(initiativeId)}>{t.cancel}</Link>
        </div>
      </Form>
    </>
  );
}
