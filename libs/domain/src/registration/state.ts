/** The numbers taken: the last one of each year, and which subjects have one. */
export interface RegistrationState {
  readonly lastOfYear: ReadonlyMap<number, number>;
  /** `meetingId` or `meetingId/decisionId`, with the number each was given. */
  readonly numbered: ReadonlyMap<string, string>;
}

export const initialRegistrationState: RegistrationState = { lastOfYear: new Map(), numbered: new Map() };

export const subjectKey = (subject: { readonly meetingId: string; readonly decisionId?: string }): string =>
  subject.decisionId === undefined ? subject.meetingId : `${subject.meetingId}/${subject.decisionId}`;
