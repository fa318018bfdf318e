// The shapes of the API answers the administration reads (docs/api.md), only the fields it uses.

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

export interface GoverningContext {
  readonly contextId: string;
  readonly name: string;
  readonly kind: string;
  readonly description: string;
  readonly status: "mapped" | "retired";
  readonly linkedInitiatives: ReadonlyArray<{
    readonly initiativeId: string;
    readonly relation: string;
    readonly linkedAt: string;
  }>;
}

export interface AdminPerson {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly email?: string;
  readonly erased: boolean;
}

export interface AdminInitiative {
  readonly id: string;
  readonly name: string;
  readonly status: "open" | "closed";
  readonly focusArea: string;
  readonly organisationIds: ReadonlyArray<string>;
}

/** A governing context linked to an initiative (GET /initiatives/{id}/governing-contexts). */
export interface InitiativeContext {
  readonly organisationId: string;
  readonly contextId: string;
  readonly name: string;
  readonly relation: string;
}

/** An event of the log as GET /audit/events answers it, only the fields the person's page reads. */
export interface RecordedEvent {
  readonly type: string;
  readonly recordedAt: string;
  readonly data: Readonly<Record<string, unknown>>;
}
