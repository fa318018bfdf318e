import {
  AlreadyCoreTeamMember,
  MembershipEndsBeforeStart,
  NotCoreTeamMember,
  OrganisationNotRegistered,
  type PersonCommand,
  PersonErasedError,
  type PersonEvent,
  type PersonState,
  personDecider,
  personEvents,
  personStream,
} from "#domain";
import { EventStore } from "#event-store";
import { KeyStore, newPersonKey, seal } from "#privacy";
import { Effect } from "effect";
import type { z } from "zod";
import { type CommandSpec, inNewStream, staged } from "../../command-spec.js";
import { organisationState } from "../../facts/organisations.js";
import { CoreTeamMembershipInput, ErasePersonInput, RegisterPersonInput } from "./inputs.js";

type PersonSpec<Input extends z.ZodObject> = CommandSpec<Input, PersonCommand, PersonEvent, PersonState>;

const onPerson = {
  decider: personDecider,
  events: personEvents,
  roles: ["admin", "core-team"],
  creates: "nothing",
  target: ({ personId }: { readonly personId: string }) => ({ streamId: personStream(personId), resourceId: personId }),
} as const;

/**
 * Name and e-mail are sealed with a new key of the person's own before the decider sees
 * them. The key is stored only once the registration is accepted, just before it is
 * appended: a refused registration (the organisation is not registered) leaves no key.
 */
export const registerPerson: PersonSpec<typeof RegisterPersonInput> = {
  ...onPerson,
  name: "RegisterPerson",
  input: RegisterPersonInput,
  creates: "stream",
  rules: [OrganisationNotRegistered],
  target: inNewStream(personStream),
  toCommand: (input, { newId }) =>
    Effect.gen(function* () {
      const organisation = yield* organisationState(yield* EventStore, input.organisationId);
      const key = newPersonKey();
      const command: PersonCommand = {
        type: "RegisterPerson",
        data: {
          organisationId: input.organisationId,
          name: seal(key, newId, input.name),
          ...(input.email === undefined ? {} : { email: seal(key, newId, input.email) }),
          organisationRegistered: organisation.status === "registered",
        },
      };
      return staged(
        command,
        Effect.flatMap(KeyStore, (keys) => keys.store(newId, key)),
      );
    }),
};

export const startCoreTeamMembership: PersonSpec<typeof CoreTeamMembershipInput> = {
  ...onPerson,
  name: "StartCoreTeamMembership",
  input: CoreTeamMembershipInput,
  rules: [PersonErasedError, AlreadyCoreTeamMember],
  toCommand: ({ focusArea, on }) => Effect.succeed({ type: "StartCoreTeamMembership", data: { focusArea, on } }),
};

export const endCoreTeamMembership: PersonSpec<typeof CoreTeamMembershipInput> = {
  ...onPerson,
  name: "EndCoreTeamMembership",
  input: CoreTeamMembershipInput,
  rules: [PersonErasedError, NotCoreTeamMember, MembershipEndsBeforeStart],
  toCommand: ({ focusArea, on }) => Effect.succeed({ type: "EndCoreTeamMembership", data: { focusArea, on } }),
};

/**
 * Deletes the person's key once the erasure is accepted, then records it: from the moment
 * the key is gone the sealed name and e-mail in PersonRegistered cannot be read by anyone,
 * while every hash still holds. Deleting before appending means a failure can never leave
 * an erasure recorded with the data still readable; erasing again is accepted (nothing to
 * record) and deletes again.
 */
export const erasePerson: PersonSpec<typeof ErasePersonInput> = {
  ...onPerson,
  name: "ErasePerson",
  input: ErasePersonInput,
  // Erasing an erased person is accepted (and deletes again): no rule to break.
  rules: [],
  toCommand: ({ personId }, { today }) =>
    Effect.succeed(
      staged<PersonCommand>(
        { type: "ErasePerson", data: { on: today } },
        Effect.flatMap(KeyStore, (keys) => keys.erase(personId)),
      ),
    ),
};
