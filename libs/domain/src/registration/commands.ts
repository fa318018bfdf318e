import type { RegisteredSubject } from "./events.js";

export interface AssignRegistrationNumber {
  readonly type: "AssignRegistrationNumber";
  readonly data: {
    readonly subject: RegisteredSubject;
    /** The year of the series: the year the meeting was held. */
    readonly year: number;
    /** Fact: the deployment's series, e.g. `SHK {year}/{n}`. */
    readonly series: string;
  };
}

export type RegistrationCommand = AssignRegistrationNumber;
