import { executeCommand, linkLogin } from "#application";
import { PROVIDER_ROLES, type ProviderRole } from "#domain";
import { LOCAL_ISSUER, ReadModels, hasDevelopmentLogin, jwtSecret, signToken } from "#platform";
import { KeyStore } from "#privacy";
import { type PersonView, WHOLE_LIST, describePeople, peopleDirectory } from "#projections";
import { Effect } from "effect";
import { withReadModels, writingConfig } from "../cli-context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

/** The CLI links a missing development login as an operator of the server, not as a client. */
const OPERATOR = { id: "mandat-cli", roles: ["admin"] } as const;

/**
 * `mandat token --person <id|name>` signs a development token for a registered person (their
 * rights come from the log: Core Team membership, lead assignments), linking a development
 * login to them first if they have none. `mandat token --role admin|auditor [--sub <id>]`
 * signs one for the identity provider's roles. Never in production, never under OIDC.
 */
export async function token(options: { person?: string; role?: string; sub?: string }): Promise<ExitCode> {
  const config = writingConfig();
  if (config.production)
    throw new CliError(EXIT.noPermission, "Development tokens are refused in production (NODE_ENV=production)");
  if (config.auth.mode !== "hs256") {
    throw new CliError(
      EXIT.config,
      "The server verifies tokens against AUTH_JWKS_URL (OIDC): get tokens from that identity provider",
    );
  }
  if (options.person !== undefined && options.role !== undefined) {
    throw new CliError(EXIT.usage, "Give either --person or --role, not both");
  }
  // Silently ignored, it would print a token for another subject than the one asked for.
  if (options.person !== undefined && options.sub !== undefined) {
    throw new CliError(EXIT.usage, "--sub goes with --role: a person's token has their id as its subject");
  }
  if (options.person !== undefined) {
    const person = await personToken(options.person);
    console.log(await signToken({ sub: person.personId, name: person.name }, jwtSecret(config)));
    return EXIT.ok;
  }
  const role = options.role;
  if (role === "core-team" || role === "initiative-lead") {
    throw new CliError(
      EXIT.usage,
      `${role} comes from the log, not from a token: use --person <id|name> for a Core Team member or a lead`,
    );
  }
  if (!role || !PROVIDER_ROLES.includes(role as ProviderRole)) {
    throw new CliError(EXIT.usage, `Give --person <id|name>, or --role ${PROVIDER_ROLES.join("|")}`);
  }
  const sub = options.sub ?? `dev-${role}`;
  console.log(await signToken({ sub, name: `Development ${role}`, roles: [role as ProviderRole] }, jwtSecret(config)));
  return EXIT.ok;
}

/** The one registered, not erased, person `wanted` names (an id, a whole name, or a unique part of one). */
async function personToken(wanted: string): Promise<PersonView> {
  return withReadModels(async (context) => {
    const { runner, db } = await context.run(ReadModels);
    const head = await context.run(context.store.headPosition);
    if (!(await Effect.runPromise(runner.waitFor(head, 120_000)))) {
      throw new CliError(EXIT.unavailable, "The read models did not catch up with the log; try again");
    }
    const ids = peopleDirectory(db, { page: WHOLE_LIST }).items;
    const people = [...(await context.run(Effect.flatMap(KeyStore, (keys) => describePeople(db, keys, ids)))).values()].filter(
      (person) => !person.erased,
    );
    const person = chosen(people, wanted);
    if (!hasDevelopmentLogin(db, person.personId)) {
      await context.run(
        executeCommand(linkLogin, {
          input: { personId: person.personId, issuer: LOCAL_ISSUER, subject: person.personId },
          principal: OPERATOR,
        }),
      );
      console.error(`Linked a development login to ${person.name} (issuer ${LOCAL_ISSUER}, subject ${person.personId})`);
    }
    return person;
  });
}

function chosen(people: ReadonlyArray<PersonView>, wanted: string): PersonView {
  const needle = wanted.trim().toLocaleLowerCase("sv");
  // Ids are read in either case, as the API reads them.
  const byId = people.find((person) => person.personId === wanted.trim().toLowerCase());
  if (byId) return byId;
  const exact = people.filter((person) => person.name.toLocaleLowerCase("sv") === needle);
  const matches = exact.length > 0 ? exact : people.filter((person) => person.name.toLocaleLowerCase("sv").includes(needle));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new CliError(EXIT.noInput, `No registered person is called or has the id "${wanted}"`);
  const names = matches.map((person) => `${person.name} (${person.personId})`).join(", ");
  throw new CliError(EXIT.usage, `"${wanted}" names ${matches.length} people: ${names}. Give the id.`);
}
