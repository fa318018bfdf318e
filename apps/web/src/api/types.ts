// The shapes of the API answers the pages read (docs/api.md "Endpoints"), only the fields they use.

export interface Me {
  readonly name?: string;
  readonly roles: ReadonlyArray<string>;
  readonly person: { readonly id: string; readonly name: string } | null;
  readonly initiatives: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

export interface DevelopmentPerson {
  readonly subject: string;
  readonly name: string;
  readonly label: string;
}

export interface InitiativeListItem {
  readonly id: string;
  readonly name: string;
  readonly status: "open" | "closed";
  /** When the registration was recorded (an instant). */
  readonly registeredAt: string;
}

export type MandatePosition = "within" | "at-edge" | "beyond";

export interface Clause {
  readonly id: string;
  readonly text: string;
  readonly signals: { readonly within: number; readonly "at-edge": number; readonly beyond: number };
}

export interface Mandate {
  readonly mandateId: string;
  readonly clauses: ReadonlyArray<Clause>;
  readonly steering: string;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly budgetSek: number | null;
}

export interface InitiativeOverview {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly status: "open" | "closed";
  readonly leads: ReadonlyArray<{ readonly personId: string; readonly name: string; readonly role: string }>;
  readonly goals: ReadonlyArray<{ readonly goalId: string; readonly statement: string; readonly targetDate?: string }>;
  readonly mandate: Mandate | null;
  readonly openTensions: ReadonlyArray<{
    readonly tensionId: string;
    readonly category: string;
    readonly intensity: number;
    readonly raisedOn: string;
  }>;
  readonly unansweredSignals: ReadonlyArray<{
    readonly id: string;
    readonly kind: string;
    readonly summary: string;
    readonly mandatePosition: MandatePosition;
    readonly observedOn: string;
  }>;
  readonly nextCheckInDue: string | null;
  readonly checkInOverdue: boolean;
}

export interface SignalListItem {
  readonly id: string;
  readonly initiativeId: string;
  readonly kind: string;
  readonly summary: string;
  readonly mandatePosition: MandatePosition;
  readonly observedOn: string;
}

export interface WriteAnswer {
  readonly id: string;
  readonly revision: number;
  readonly position: number;
}

/** A person of the directory (GET /api/v1/people): the name opened with their key now. */
export interface Person {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly erased: boolean;
}
