import {
  type CoreTeamMembershipInput,
  type PersonCommand,
  type PersonEvent,
  type PersonState,
  type RegisterPersonInput,
  personDecider,
  personEvents,
  personStream,
} from "#domain";
import { EventStore } from "#event-store";
import { KeyStore, newPersonKey, seal } from "#privacy";
import { Effect } from "effect";
import type { z } from "zod";
import type { CommandSpec } from "../command-spec.js";
import { organisationState } from "../facts/organisations.js";

type PersonSpec<Input> = CommandSpec<Input, PersonCommand, PersonEvent, PersonState>;
type OnPerson<Body> = Body & { readonly personId: string };

const onPerson = {
  decider: personDecider,
  events: personEvents,
  roles: ["admin", "core-team"],
  creates: "nothing",
  target: ({ personId }: { personId: string }) => ({ streamId: personStream(personId), resourceId: personId }),
} as const;

/**
 * Name and e-mail are sealed with the new person's own key before the decider sees them.
 * The key store keeps a key only for a registration the decider will accept: one it
 * refuses (the organisation is not registered) is sealed with a key that is never stored.
 */
export const registerPerson: PersonSpec<z.infer<typeof RegisterPersonInput>> = {
  ...onPerson,
  name: "RegisterPerson",
  creates: "stream",
  target: (_input, newId) => ({ streamId: personStream(newId), resourceId: newId }),
  toCommand: (input, { newId }) =>
    Effect.gen(function* () {
      const organisation = yield* organisationState(yield* EventStore, input.organisationId);
      const organisationRegistered = organisation.status === "registered";
      const key = organisationRegistered ? yield* (yield* KeyStore).keyFor(newId) : newPersonKey();
      return {
        type: "RegisterPerson",
        data: {
          organisationId: input.organisationId,
          name: seal(key, newId, input.name),
          ...(input.email === undefined ? {} : { email: seal(key, newId, input.email) }),
          organisationRegistered,
        },
      };
    }),
};

export const startCoreTeamMembership: PersonSpec<OnPerson<z.infer<typeof CoreTeamMembershipInput>>> = {
  ...onPerson,
  name: "StartCoreTeamMembership",
  toCommand: ({ focusArea, on }) => Effect.succeed({ type: "StartCoreTeamMembership", data: { focusArea, on } }),
};

export const endCoreTeamMembership: PersonSpec<OnPerson<z.infer<typeof CoreTeamMembershipInput>>> = {
  ...onPerson,
  name: "EndCoreTeamMembership",
  toCommand: ({ focusArea, on }) => Effect.succeed({ type: "EndCoreTeamMembership", data: { focusArea, on } }),
};

/**
 * Deletes the person's key, then records the erasure: from the moment the key is gone the
 * sealed name and e-mail in PersonRegistered cannot be read by anyone, while every hash
 * still holds. Deleting first means a failure can never leave an erasure recorded with the
 * data still readable; erasing again is allowed and deletes again.
 */
export const erasePerson: PersonSpec<{ readonly personId: string }> = {
  ...onPerson,
  name: "ErasePerson",
  toCommand: ({ personId }, { today }) =>
    Effect.gen(function* () {
      yield* (yield* KeyStore).erase(personId);
      return { type: "ErasePerson", data: { on: today } };
    }),
};
