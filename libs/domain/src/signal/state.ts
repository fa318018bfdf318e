import type { InitiativeId } from "../shared/schema-primitives.js";

export type SignalState =
  | { readonly status: "not-submitted" }
  | {
      readonly status: "submitted" | "answered" | "withdrawn";
      readonly initiativeId: InitiativeId;
      readonly acknowledged: boolean;
    };

export const initialSignalState: SignalState = { status: "not-submitted" };
