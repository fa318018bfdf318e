import type { LoginRef } from "#domain";
import { Context, type Effect } from "effect";

/**
 * Which person holds a login, as far as the server has read the log (a read model). Optional
 * for commands: where it is provided, linking a login another person holds is refused.
 */
export class LoginDirectory extends Context.Tag("mandat/LoginDirectory")<
  LoginDirectory,
  { readonly holderOf: (login: LoginRef) => Effect.Effect<string | undefined> }
>() {}
