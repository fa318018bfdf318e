import { useApiQuery } from "../../api/queries";
import type { CheckIn, IndicatorReading, MandateVersion, MeetingDecisions, SignalWithAnswer } from "./types";

const initiativePath = (id: string) => `/api/v1/initiatives/${encodeURIComponent(id)}`;

export const useCheckIns = (id: string) => useApiQuery<CheckIn[]>(`${initiativePath(id)}/check-ins`);

export const useReadings = (id: string, goalId: string) =>
  useApiQuery<IndicatorReading[]>(`${initiativePath(id)}/goals/${encodeURIComponent(goalId)}/readings`);

export const useMandateVersions = (id: string) => useApiQuery<MandateVersion[]>(`${initiativePath(id)}/mandates`);

export const useInitiativeSignals = (id: string) =>
  useApiQuery<SignalWithAnswer[]>(`/api/v1/signals?initiativeId=${encodeURIComponent(id)}`);

export const useMeeting = (meetingId: string) =>
  useApiQuery<MeetingDecisions>(`/api/v1/meetings/${encodeURIComponent(meetingId)}`);
