import { write } from "../../api/client";
import type { WriteAnswer } from "../../api/types";
import type { Language } from "../../i18n/messages";

/**
 * A write to one meeting (`POST /meetings/{id}/{step}`): the input as the command's schema
 * checked it, its meetingId moved to the path, where the API reads it from.
 */
export function writeToMeeting(step: string, input: { readonly meetingId: string }, language: Language): Promise<WriteAnswer> {
  const { meetingId, ...body } = input;
  return write<WriteAnswer>(`/api/v1/meetings/${encodeURIComponent(meetingId)}/${step}`, body, language);
}
