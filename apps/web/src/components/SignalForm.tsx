import { SubmitSignalInput } from "#application/inputs";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button, Form, Link } from "react-aria-components";
import { ApiProblem, write } from "../api/client";
import type { Mandate, WriteAnswer } from "../api/types";
import { ErrorSummary, type SummaryItem } from "./ErrorSummary";
import { ChoiceField } from "./ChoiceField";
import { TextInputField } from "./TextInputField";
import { todayInStockholm } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { SENT_PARAMETER, navigate, paths } from "../router";

const KINDS = ["observation", "progress", "resistance", "need", "boundary-request", "risk"] as const;
const POSITIONS = ["within", "at-edge", "beyond"] as const;

/** The form's fields, as typed: kept across every failed attempt, so nothing written is lost. */
interface Draft {
  kind: string;
  summary: string;
  detail: string;
  mandatePosition: string;
  clauseId: string;
  observedOn: string;
}

type FieldName = keyof Draft;
type FieldErrors = Partial<Record<FieldName, string>>;

/** Where the API's and zod's paths point: `body.summary` and `summary` both name the field. */
const fieldOf = (path: string): FieldName | undefined => {
  const name = path.replace(/^body\./, "").split(".")[0];
  return name === "kind" ||
    name === "summary" ||
    name === "detail" ||
    name === "mandatePosition" ||
    name === "clauseId" ||
    name === "observedOn"
    ? name
    : undefined;
};

/** The problems that are about one field although they are not validation errors. */
const FIELD_OF_RULE: Record<string, FieldName> = {
  "/problems/clause-not-in-mandate": "clauseId",
};

/**
 * The lead's signal: checked in the browser with the very schema the API checks it with
 * (SubmitSignalInput), so most mistakes are shown at once, in the person's language; what
 * the API still refuses is shown the same way, next to its field, with a summary on top.
 */
export function SignalForm({ initiativeId, name, mandate }: { initiativeId: string; name: string; mandate: Mandate | null }) {
  const { language, t } = useLanguage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({
    kind: "",
    summary: "",
    detail: "",
    mandatePosition: "",
    clauseId: "",
    observedOn: todayInStockholm(),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<ReadonlyArray<SummaryItem>>([]);
  const [sending, setSending] = useState(false);
  const set = (field: FieldName) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));

  const show = (fieldErrors: FieldErrors, other: ReadonlyArray<string> = []) => {
    setErrors(fieldErrors);
    setSummary([
      ...Object.entries(fieldErrors).map(([field, message]) => ({ fieldId: field, message: message! })),
      ...other.map((message) => ({ fieldId: undefined, message })),
    ]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      initiativeId,
      kind: draft.kind || undefined,
      summary: draft.summary,
      ...(draft.detail.trim() === "" ? {} : { detail: draft.detail }),
      mandatePosition: draft.mandatePosition || undefined,
      ...(mandate ? { mandateId: mandate.mandateId } : {}),
      ...(draft.clauseId === "" ? {} : { clauseId: draft.clauseId }),
      observedOn: draft.observedOn,
    };
    const parsed = SubmitSignalInput.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path.join("."));
        // A field left empty is asked for in plain words; anything else in zod's own, in the same language.
        if (field) fieldErrors[field] ??= draft[field].trim() === "" ? (t.missing[field] ?? issue.message) : issue.message;
      }
      return show(fieldErrors);
    }
    setSending(true);
    try {
      await write<WriteAnswer>("/api/v1/signals", parsed.data, language);
      // The write's Log-Position is now every read's minPosition: fetch them again.
      await queryClient.invalidateQueries();
      navigate(`${paths.initiative(initiativeId)}?${SENT_PARAMETER}`);
    } catch (error) {
      if (!(error instanceof ApiProblem)) return show({}, [t.loadFailed]);
      const fieldErrors: FieldErrors = {};
      const other: string[] = [];
      for (const fieldError of error.errors) {
        const field = fieldOf(fieldError.path);
        if (field) fieldErrors[field] ??= fieldError.message;
        else other.push(fieldError.message);
      }
      const ruleField = FIELD_OF_RULE[error.type];
      if (ruleField) fieldErrors[ruleField] = error.title;
      // The API's detail is English; the refusal a lead can meet is said in their language here.
      else if (error.status === 403) other.push(t.notAllowedToSignal);
      else if (error.errors.length === 0) other.push(error.title);
      show(fieldErrors, other);
    } finally {
      setSending(false);
    }
  };

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
