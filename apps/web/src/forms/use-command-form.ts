import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import type { z } from "zod";
import { ownSwedish } from "#application/inputs";
import { ApiProblem } from "../api/client";
import type { SummaryItem } from "../components/ErrorSummary";
import { useLanguage } from "../i18n/language";

/** A form's fields as typed: text, or a list of choices (people, agenda items). */
export type DraftValue = string | ReadonlyArray<string>;

export interface CommandFormOptions<Draft extends Record<string, DraftValue>, Input, Answer> {
  /** The fields' first values; kept across every failed attempt, so nothing typed is lost. */
  readonly initial: Draft;
  /** The command's input schema from libs/application (`#application/inputs`): the API's own. */
  readonly schema: z.ZodType<Input>;
  /** The draft as the command's input (empty optional fields left out). */
  readonly toInput: (draft: Draft) => unknown;
  /** Sends the checked input (usually `write(path, input, language)`). */
  readonly send: (input: Input) => Promise<Answer>;
  /** After the write: every read is fetched again with its position first (see api/client.ts). */
  readonly onDone: (answer: Answer) => void;
  /** Plain words for a field left empty ("Skriv en sammanfattning"); zod's words otherwise. */
  readonly missing?: Partial<Record<keyof Draft, string>>;
  /** Plain words for a field whose text is no value of its type (a number that reads two ways). */
  readonly unreadable?: Partial<Record<keyof Draft, string>>;
  /** Problems that are about one field although they are not validation errors, by problem type. */
  readonly fieldOfRule?: Readonly<Record<string, keyof Draft>>;
  /** Where an error path points: by default its first name after `body.` when that is a field. */
  readonly fieldOf?: (path: string) => keyof Draft | undefined;
  /** What a 403 means here, in the person's language (the API's detail is English). */
  readonly forbidden?: string;
}

export type FieldErrors<Draft> = Partial<Record<keyof Draft, string>>;

/** How soon after a save a press on the emptied form counts as the second of a double click. */
const DOUBLE_PRESS_MS = 1_000;

const isEmpty = (value: DraftValue | undefined): boolean =>
  value === undefined || (typeof value === "string" ? value.trim() === "" : value.length === 0);

/**
 * One command's form: checked in the browser with the schema the API checks it with, so most
 * mistakes show at once in the person's language; what the API still refuses (a rule, a
 * right) is shown the same way, next to its field, with every error listed in the summary on
 * top (GOV.UK's pattern). The draft is the caller's state and survives every error.
 */
export function useCommandForm<Draft extends Record<string, DraftValue>, Input, Answer>(
  options: CommandFormOptions<Draft, Input, Answer>,
) {
  const { t, language } = useLanguage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(options.initial);
  const [errors, setErrors] = useState<FieldErrors<Draft>>({});
  const [summary, setSummary] = useState<ReadonlyArray<SummaryItem>>([]);
  const [sending, setSending] = useState(false);
  // When the last send succeeded: a second press of a double click lands on the form the save
  // has just emptied for the next entry, and is the same press again, not an empty form to check.
  const savedAt = useRef(Number.NEGATIVE_INFINITY);

  const fieldOf =
    options.fieldOf ??
    ((path: string): keyof Draft | undefined => {
      const name = path.replace(/^body\./, "").split(".")[0] ?? "";
      return Object.hasOwn(options.initial, name) ? (name as keyof Draft) : undefined;
    });

  const set =
    <K extends keyof Draft>(field: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [field]: value }));

  const show = (fieldErrors: FieldErrors<Draft>, other: ReadonlyArray<string> = []) => {
    setErrors(fieldErrors);
    setSummary([
      ...Object.entries(fieldErrors).map(([field, message]) => ({ fieldId: field, message: message as string })),
      ...other.map((message) => ({ fieldId: undefined, message })),
    ]);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const justSaved = performance.now() - savedAt.current < DOUBLE_PRESS_MS;
    if (justSaved && Object.values(draft).every((value) => isEmpty(value))) return;
    const parsed = options.schema.safeParse(options.toInput(draft));
    if (!parsed.success) {
      const fieldErrors: FieldErrors<Draft> = {};
      const other: string[] = [];
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path.join("."));
        // zod's locale translates its own messages; a refinement's carries its Swedish with it.
        const message = language === "sv" ? (ownSwedish(issue) ?? issue.message) : issue.message;
        if (!field) other.push(message);
        else if (isEmpty(draft[field])) fieldErrors[field] ??= options.missing?.[field] ?? message;
        else fieldErrors[field] ??= (issue.code === "invalid_type" ? options.unreadable?.[field] : undefined) ?? message;
      }
      return show(fieldErrors, other);
    }
    setSending(true);
    try {
      const answer = await options.send(parsed.data);
      savedAt.current = performance.now();
      show({});
      // The write's Log-Position is now every read's minPosition: fetch them again.
      await queryClient.invalidateQueries();
      options.onDone(answer);
    } catch (error) {
      // Not an answer of the API at all: the network, or the server away. Nothing was refused.
      if (!(error instanceof ApiProblem)) return show({}, [t.sendFailed]);
      if (error.status === 401) return show({}, [t.signedOutWhileWriting]);
      const fieldErrors: FieldErrors<Draft> = {};
      const other: string[] = [];
      for (const fieldError of error.errors) {
        const field = fieldOf(fieldError.path);
        if (field) fieldErrors[field] ??= fieldError.message;
        else other.push(fieldError.message);
      }
      const ruleField = options.fieldOfRule?.[error.type];
      if (ruleField) fieldErrors[ruleField] = error.title;
      else if (error.status === 403 && options.forbidden) other.push(options.forbidden);
      // The title is in the person's language; a rule's detail is English (docs/api.md "Errors").
      else if (error.errors.length === 0) other.push(error.title);
      show(fieldErrors, other);
    } finally {
      setSending(false);
    }
  };

  return { draft, set, setDraft, errors, summary, sending, submit };
}
