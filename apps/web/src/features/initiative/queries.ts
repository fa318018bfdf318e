import { useApiQuery } from "../../api/queries";
import { useTimeTravel } from "../../time-travel/use-time-travel";
import type { CheckIn, IndicatorReading, MandateVersion, MeetingDecisions, SignalWithAnswer } from "./types";

// Each read as of the time machine's time, as far as it takes `at` and `asOf` (docs/api.md):
// the lists that take only `asOf` are cut at the day shown where they are read.

const initiativePath = (id: string) => `/api/v1/initiatives/${encodeURIComponent(id)}`;

/** The check-ins recorded as known at `asOf` (GET …/check-ins takes no `at`: CheckInsSection keeps those held by the day). */
export const useCheckIns = (id: string) => {
  const time = useTimeTravel();
  return useApiQuery<CheckIn[]>(time.api(`${initiativePath(id)}/check-ins`, { asOf: true }));
};

export const useReadings = (id: string, goalId: string) => {
  const time = useTimeTravel();
  return useApiQuery<IndicatorReading[]>(
    time.api(`${initiativePath(id)}/goals/${encodeURIComponent(goalId)}/readings`, { at: "at", asOf: true }),
  );
};

export const useMandateVersions = (id: string) => {
  const time = useTimeTravel();
  return useApiQuery<MandateVersion[]>(time.api(`${initiativePath(id)}/mandates`, { asOf: true }));
};

export const useInitiativeSignals = (id: string) => {
  const time = useTimeTravel();
  return useApiQuery<SignalWithAnswer[]>(time.api(`/api/v1/signals?initiativeId=${encodeURIComponent(id)}`, { asOf: true }));
};

export const useMeeting = (meetingId: string) => {
  const time = useTimeTravel();
  return useApiQuery<MeetingDecisions>(time.api(`/api/v1/meetings/${encodeURIComponent(meetingId)}`, { at: "at", asOf: true }));
};
