import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useRef, useState } from "react";
import type { z } from "zod";
import { ownSwedish } from "#application/inputs";
import { ApiProblem, readProblemType } from "../api/client";
import type { SummaryItem } from "../components/ErrorSummary";
import { useLanguage } from "../i18n/language";
import type { Language, Messages } from "../i18n/messages";
import { zodMessages } from "../i18n/zod-messages";

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

/** A check the draft failed, in both languages: the page may be switched while it shows. */
interface FailedCheck<Draft> {
  /** The field it is about, or none (then it is listed in the summary only). */
  readonly field: keyof Draft | undefined;
  /** The field was left empty: the form's own words for that (`missing`) come first. */
  readonly empty: boolean;
  /** The field's text is no value of its type: the form's `unreadable` words come first. */
  readonly unreadable: boolean;
  readonly message: Readonly<Record<Language, string>>;
}

/**
 * Why the last press did not save, kept so that it can be worded in either language: errors
 * already shown follow the page when its language is switched. Found as the press is handled
 * (the caller's options may name what is drawn after them), worded as the form is drawn. Each
 * failed press makes a new one, for which the error summary takes focus.
 */
type Failure<Draft> =
  | { readonly kind: "invalid"; readonly checks: ReadonlyArray<FailedCheck<Draft>> }
  | {
      readonly kind: "refused";
      readonly problem: ApiProblem;
      /** The API's field errors, by field: in the language it answered in. */
      readonly fields: ReadonlyArray<{ readonly field: keyof Draft | undefined; readonly message: string }>;
    }
  | { readonly kind: "unsent" }
  | { readonly kind: "signed-out" };

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
  const [failure, setFailure] = useState<Failure<Draft> | undefined>();
  const [sending, setSending] = useState(false);
  // How many sends have succeeded: a form that stays for the next entry says each was saved.
  const [saves, setSaves] = useState(0);
  // When the last send succeeded: a second press of a double click lands on the form the save
  // has just emptied for the next entry, and is the same press again, not an empty form to check.
  const savedAt = useRef(Number.NEGATIVE_INFINITY);

  // A rule the API refused on is titled in both languages on its problem page.
  const ruleType = failure?.kind === "refused" && isRuleType(failure.problem.type) ? failure.problem.type : "";
  const ruleTitle = useQuery({ ...problemTypeQuery(ruleType), enabled: ruleType !== "" }).data?.title[language];

  // Worded again for a new failure or a new language only: the summary takes focus when its
  // list is new. The caller's options are a new object at every drawing, and their words (what
  // is missing, what a 403 means) change with the language alone.
  const { errors, summary } = useMemo(
    () => wordFailure(failure, { options, language, t, ruleTitle }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- options: see above
    [failure, language, t, ruleTitle],
  );

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

  /** The draft checked with the command's schema: its input, or what it failed, in both languages. */
  const check = (): { readonly input: Input } | Failure<Draft> => {
    const input = options.toInput(draft);
    const parsed = options.schema.safeParse(input);
    if (parsed.success) return { input: parsed.data };
    // Checked once more in each language with zod's words given: the issues come in the same order.
    const [sv, en] = (["sv", "en"] as const).map(
      (words) => options.schema.safeParse(input, { error: zodMessages(words) }).error?.issues ?? [],
    );
    const checks = parsed.error.issues.map((issue, index): FailedCheck<Draft> => {
      const field = fieldOf(issue.path.join("."));
      const swedish = sv![index] ?? issue;
      return {
        field,
        empty: field !== undefined && isEmpty(draft[field]),
        unreadable: issue.code === "invalid_type",
        // A refinement's message carries its Swedish with it.
        message: { sv: ownSwedish(swedish) ?? swedish.message, en: (en![index] ?? issue).message },
      };
    });
    return { kind: "invalid", checks };
  };

  /** Shows what the schema finds in the draft without sending it (beside a form's own checks): true when nothing. */
  const validate = (): boolean => {
    const checked = check();
    setFailure("input" in checked ? undefined : checked);
    return "input" in checked;
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const justSaved = performance.now() - savedAt.current < DOUBLE_PRESS_MS;
    if (justSaved && Object.values(draft).every((value) => isEmpty(value))) return;
    const checked = check();
    if (!("input" in checked)) return setFailure(checked);
    // What the last press found is no longer so: nothing stale shows while this one is sent.
    setFailure(undefined);
    setSending(true);
    try {
      const answer = await options.send(checked.input);
      savedAt.current = performance.now();
      setSaves((count) => count + 1);
      setFailure(undefined);
      // The write's Log-Position is now every read's minPosition: fetch them again.
      await queryClient.invalidateQueries();
      options.onDone(answer);
    } catch (error) {
      // Not an answer of the API at all: the network, or the server away. Nothing was refused.
      if (!(error instanceof ApiProblem)) setFailure({ kind: "unsent" });
      else if (error.status === 401) setFailure({ kind: "signed-out" });
      else {
        // The rule's titles in both languages are read before the refusal is shown, so the
        // summary is drawn (and takes focus) once, not again as they arrive.
        if (isRuleType(error.type)) await queryClient.prefetchQuery(problemTypeQuery(error.type));
        const fields = error.errors.map(({ path, message }) => ({ field: fieldOf(path), message }));
        setFailure({ kind: "refused", problem: error, fields });
      }
    } finally {
      setSending(false);
    }
  };

  return { draft, set, setDraft, errors, summary, sending, submit, validate, saves };
}

const isRuleType = (type: string): boolean => type.startsWith("/problems/");

/** A problem type's page, read once: the same for everyone, and for as long as the page is open. */
const problemTypeQuery = (type: string) => ({
  queryKey: ["problem-type", type],
  queryFn: () => readProblemType(type),
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
});

interface Wording<Draft extends Record<string, DraftValue>> {
  /** What the form's own words say of its fields, in `language`. */
  readonly options: Pick<CommandFormOptions<Draft, unknown, unknown>, "missing" | "unreadable" | "fieldOfRule" | "forbidden">;
  readonly language: Language;
  readonly t: Messages;
  /** The refusing rule's title in `language`, once its problem page has been read. */
  readonly ruleTitle: string | undefined;
}

/** A failure in words of `language`: each field's error, and the summary listing them with the others. */
function wordFailure<Draft extends Record<string, DraftValue>>(
  failure: Failure<Draft> | undefined,
  { options, language, t, ruleTitle }: Wording<Draft>,
): { readonly errors: FieldErrors<Draft>; readonly summary: ReadonlyArray<SummaryItem> } {
  const fieldErrors: FieldErrors<Draft> = {};
  const other: string[] = [];
  switch (failure?.kind) {
    case undefined:
      break;
    case "invalid":
      for (const { field, empty, unreadable, message } of failure.checks) {
        if (!field) other.push(message[language]);
        else if (empty) fieldErrors[field] ??= options.missing?.[field] ?? message[language];
        else fieldErrors[field] ??= (unreadable ? options.unreadable?.[field] : undefined) ?? message[language];
      }
      break;
    case "refused": {
      const { problem } = failure;
      // A field's error is in the language the API answered in: the browser's own check, in
      // either language, catches nearly all of them first.
      for (const { field, message } of failure.fields) {
        if (field) fieldErrors[field] ??= message;
        else other.push(message);
      }
      // The title is in the person's language; a rule's detail is English (docs/api.md "Errors").
      const title = ruleTitle ?? problem.title;
      const ruleField = options.fieldOfRule?.[problem.type];
      if (ruleField) fieldErrors[ruleField] = title;
      else if (problem.status === 403 && options.forbidden) other.push(options.forbidden);
      else if (problem.errors.length === 0) other.push(title);
      break;
    }
    case "unsent":
      other.push(t.sendFailed);
      break;
    case "signed-out":
      other.push(t.signedOutWhileWriting);
      break;
  }
  return {
    errors: fieldErrors,
    summary: [
      ...Object.entries(fieldErrors).map(([field, message]) => ({ fieldId: field, message: message as string })),
      ...other.map((message) => ({ fieldId: undefined, message })),
    ],
  };
}
