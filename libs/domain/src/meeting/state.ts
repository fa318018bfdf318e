import type { DecisionId } from "../shared/schema-primitives.js";
import type { DecisionKind } from "./events.js";

export type MeetingState =
  | { readonly status: "not-held" }
  | {
      /** Approved minutes are frozen: only corrections may follow. */
      readonly status: "held" | "approved";
      /** What other streams need to know of a decision they cite. */
      readonly decisions: ReadonlyMap<DecisionId, DecisionKind>;
    };

export const initialMeetingState: MeetingState = { status: "not-held" };
