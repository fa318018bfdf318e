import type { MandatePosition } from "../../api/types";

/** A signal as `GET /api/v1/signals` lists it (docs/api.md "Signals"), the fields the inbox shows. */
export interface Signal {
  readonly id: string;
  readonly initiativeId: string;
  readonly kind: string;
  readonly summary: string;
  readonly detail: string | null;
  readonly mandatePosition: MandatePosition;
  readonly mandateId: string | null;
  readonly clauseId: string | null;
  readonly observedOn: string;
  readonly status: "submitted" | "acknowledged" | "answered" | "withdrawn";
  readonly submittedAt: string;
  readonly acknowledgedOn: string | null;
}

/** The inbox: signals submitted or acknowledged and not answered, oldest first. */
export const INBOX_PATH = "/api/v1/signals?status=unanswered";
