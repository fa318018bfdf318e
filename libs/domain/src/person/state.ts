import type { IsoDate } from "../shared/calendar.js";
import type { FocusArea } from "../shared/schema-primitives.js";

export type PersonState =
  | { readonly status: "unregistered" }
  | {
      readonly status: "registered" | "erased";
      /** Focus areas whose Core Team the person is in, with the date they joined. */
      readonly coreTeam: ReadonlyMap<FocusArea, IsoDate>;
    };

export const initialPersonState: PersonState = { status: "unregistered" };
