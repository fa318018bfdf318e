import type { IsoDate } from "../shared/calendar.js";
import type { InitiativeId } from "../shared/schema-primitives.js";

export type TensionState =
  | { readonly status: "not-raised" }
  | {
      /** Resolved and dropped tensions are closed: they take no further event. */
      readonly status: "open" | "resolved" | "dropped";
      readonly initiativeIds: ReadonlyArray<InitiativeId>;
      readonly intensity: number;
      readonly raisedOn: IsoDate;
    };

export const initialTensionState: TensionState = { status: "not-raised" };
