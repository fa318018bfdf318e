import { randomUUID } from "node:crypto";
import { type InitiativeEvent, type InitiativeId, type Principal, initiativeEvents, initiativeStream } from "#domain";
import { type EventStoreService, ExpectedRevision } from "#event-store";
import { Effect } from "effect";

export interface InitiativeHistory {
  /** Grants this mandate (with the active goal it needs). */
  readonly mandateId?: string;
  readonly closed?: boolean;
}

type RawEvent = { readonly type: InitiativeEvent["type"]; readonly data: unknown };

/**
 * Writes an initiative straight into the log, so that specs of other streams can use it
 * as a fact without depending on the initiative's own command specs.
 */
export const appendInitiative = async (store: EventStoreService, history: InitiativeHistory = {}): Promise<InitiativeId> => {
  const initiativeId = randomUUID() as InitiativeId;
  const events: ReadonlyArray<RawEvent> = [
    {
      type: "InitiativeRegistered",
      data: {
        name: "Läxhjälp i Västerås",
        focusArea: "alla-barn-och-unga-lyckas",
        description: "",
        organisationIds: [randomUUID()],
      },
    },
    ...(history.mandateId === undefined ? [] : mandateWithGoal(history.mandateId)),
    ...(history.closed ? [{ type: "InitiativeClosed", data: { reason: "Uppdraget slutfört", on: "2025-06-30" } } as const] : []),
  ];
  await appendRaw(store, initiativeId, events);
  return initiativeId;
};

const appendRaw = async (store: EventStoreService, initiativeId: string, events: ReadonlyArray<RawEvent>) => {
  const commandId = randomUUID();
  const metadata = {
    actor: { id: "p-setup", roles: ["core-team"] },
    commandId,
    correlationId: commandId,
    causationId: commandId,
  };
  await Effect.runPromise(
    store.append(
      initiativeStream(initiativeId),
      events.map(({ type, data }) => {
        const { schemaVersion, schema } = initiativeEvents[type];
        return { type, schemaVersion, data: schema.parse(data), metadata };
      }),
      ExpectedRevision.any,
    ),
  );
};

/**
 * A new person, assigned in the log as the lead of exactly these initiatives, acting as
 * such: a lead's rights come from the initiatives' streams, never from the principal.
 */
export const leadOf = async (store: EventStoreService, ...initiativeIds: ReadonlyArray<string>): Promise<Principal> => {
  const personId = randomUUID();
  for (const initiativeId of initiativeIds) {
    await appendRaw(store, initiativeId, [{ type: "InitiativeLeadAssigned", data: { personId, role: "lead" } }]);
  }
  return { id: personId, personId, roles: ["initiative-lead"] };
};

const mandateWithGoal = (mandateId: string): ReadonlyArray<RawEvent> => [
  { type: "GoalSet", data: { goalId: randomUUID(), statement: "Fler elever klarar årskurs 9" } },
  {
    type: "MandateGranted",
    data: {
      mandateId,
      scope: [{ id: "S1", text: "Läxhjälp" }],
      boundaries: [],
      principles: [],
      steering: "broad",
      validFrom: "2025-01-01",
    },
  },
];
