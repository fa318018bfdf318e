import { useApiQueries, useApiQuery } from "../../api/queries";

// What To do reads beyond the initiatives: the open next steps, and the minutes of each
// meeting held (for those the person must adjust). Only the fields the page uses.

export interface OpenNextStep {
  readonly meetingId: string;
  readonly heldOn: string;
  readonly nextStepId: string;
  readonly text: string;
  readonly ownerId: string | null;
  readonly due: string | null;
}

export interface MeetingListItem {
  readonly id: string;
  readonly heldOn: string;
}

export interface MeetingMinutes {
  readonly id: string;
  readonly heldOn: string | null;
  readonly status: "planned" | "held" | "approved";
  readonly adjusterIds: ReadonlyArray<string>;
  readonly adjustments: ReadonlyArray<{ readonly adjusterId: string }>;
}

/** Every next step open today, across meetings, by due date (those without one last). */
export const useOpenNextSteps = () => useApiQuery<OpenNextStep[]>("/api/v1/next-steps");

export const useMeetings = (enabled: boolean) => useApiQuery<MeetingListItem[]>("/api/v1/meetings", enabled);

/** The minutes of several meetings, read in parallel rather than one after another. */
export const useMeetingMinutes = (ids: ReadonlyArray<string>) =>
  useApiQueries<MeetingMinutes>(ids.map((id) => `/api/v1/meetings/${encodeURIComponent(id)}`));
