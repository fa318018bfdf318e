import {
  LoginHeldByAnotherPerson,
  LoginLinkNeedsAdmin,
  LoginNotLinked,
  type LoginLinkedBy,
  type LoginRef,
  type PersonCommand,
  PersonErasedError,
  type PersonEvent,
  type PersonState,
  personDecider,
  personEvents,
  personStream,
} from "#domain";
import { Effect, Option } from "effect";
import type { z } from "zod";
import type { CommandSpec } from "../../command-spec.js";
import { LoginDirectory } from "../../login-directory.js";
import { loginRef } from "../../login-ref.js";
import { LoginInput } from "./inputs.js";

type LoginSpec = CommandSpec<typeof LoginInput, PersonCommand, PersonEvent, PersonState>;

const onPersonLogins = {
  decider: personDecider,
  events: personEvents,
  roles: ["admin"],
  creates: "nothing",
  input: LoginInput,
  target: ({ personId }: z.output<typeof LoginInput>) => ({ streamId: personStream(personId), resourceId: personId }),
} as const;

/**
 * Who else holds the login, where the running server can tell (its directory of logins);
 * the demo and the command tests run without one.
 */
const otherHolder = (login: LoginRef, personId: string) =>
  Effect.flatMap(Effect.serviceOption(LoginDirectory), (directory) =>
    Option.match(directory, {
      onNone: () => Effect.succeed(undefined),
      onSome: (logins) => Effect.map(logins.holderOf(login), (holder) => (holder === personId ? undefined : holder)),
    }),
  );

const linking =
  (linkedBy: LoginLinkedBy): LoginSpec["toCommand"] =>
  ({ personId, issuer, subject }) =>
    Effect.gen(function* () {
      const login = loginRef(issuer, subject);
      const heldByAnotherPerson = yield* otherHolder(login, personId);
      return {
        type: "LinkLogin",
        data: { ...login, linkedBy, ...(heldByAnotherPerson === undefined ? {} : { heldByAnotherPerson }) },
      } satisfies PersonCommand;
    });

/** An admin links a login of the identity provider to a registered person: from then on, it acts as them. */
export const linkLogin: LoginSpec = {
  ...onPersonLogins,
  name: "LinkLogin",
  rules: [PersonErasedError, LoginHeldByAnotherPerson],
  toCommand: linking("admin"),
};

/**
 * The first sign-in with a verified e-mail equal to a registered person's links the login,
 * where the deployment allows it; issued by the server's sign-in itself, never by a client.
 */
export const linkLoginByVerifiedEmail: LoginSpec = {
  ...linkLogin,
  name: "LinkLoginByVerifiedEmail",
  rules: [...linkLogin.rules, LoginLinkNeedsAdmin],
  toCommand: linking("verified-email"),
};

export const unlinkLogin: LoginSpec = {
  ...onPersonLogins,
  name: "UnlinkLogin",
  rules: [PersonErasedError, LoginNotLinked],
  toCommand: ({ issuer, subject }) => Effect.succeed({ type: "UnlinkLogin", data: loginRef(issuer, subject) }),
};
