import type { IsoDate } from "../shared/calendar.js";
import type { RegisteredSubject } from "./events.js";

/** Fact: the meeting named, as its stream tells: not held (or unknown), only planned, or held. */
export type MeetingFact =
  | { readonly status: "not-held" }
  | { readonly status: "planned" }
  | { readonly status: "held"; readonly heldOn: IsoDate; readonly decisionIds: ReadonlySet<string> };

export interface AssignRegistrationNumber {
  readonly type: "AssignRegistrationNumber";
  readonly data: {
    readonly subject: RegisteredSubject;
    /** Fact: the deployment's series, e.g. `SHK {year}/{n}`. */
    readonly series: string;
    readonly meeting: MeetingFact;
  };
}

export type RegistrationCommand = AssignRegistrationNumber;
