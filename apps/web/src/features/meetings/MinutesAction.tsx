import type { z } from "zod";
import { write } from "../../api/client";
import type { WriteAnswer } from "../../api/types";
import { useCommandForm } from "../../forms/use-command-form";
import { useLanguage } from "../../i18n/language";
import { navigate } from "../../router";
import { CommandSection } from "./CommandSection";
import { meetingAfter } from "./meeting-after";

/**
 * A step on the minutes that takes nothing but the meeting (adjust, approve, register): one
 * button, checked with the command's own schema; the API's refusal is shown above it.
 */
export function MinutesAction({
  meetingId,
  schema,
  path,
  label,
  notSaved,
  forbidden,
}: {
  meetingId: string;
  schema: z.ZodType<{ meetingId: string }>;
  path: "adjustment" | "approval" | "registration";
  label: string;
  notSaved: string;
  forbidden?: string;
}) {
  const { language } = useLanguage();
  const form = useCommandForm<Record<string, string>, { meetingId: string }, WriteAnswer>({
    initial: {},
    schema,
    toInput: () => ({ meetingId }),
    send: () => write<WriteAnswer>(`/api/v1/meetings/${encodeURIComponent(meetingId)}/${path}`, {}, language),
    onDone: () => navigate(meetingAfter(meetingId, path)),
    ...(forbidden ? { forbidden } : {}),
  });
  return (
    <CommandSection
      id={`${path}-action`}
      notSaved={notSaved}
      summary={form.summary}
      onSubmit={(event) => void form.submit(event)}
      sending={form.sending}
      submitLabel={label}
    />
  );
}
