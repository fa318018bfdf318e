import { registerOrganisation } from "../src/commands/organisation/commands.js";
import { registerPerson } from "../src/commands/person/commands.js";
import { type CommandRuntime, actingAs } from "./command-runtime.js";
import { coreTeam } from "./principals.js";

/**
 * Registered people of one organisation, registered with them by the Core Team: who is
 * present at (or absent from) a meeting a spec holds, which needs somebody present.
 */
export const registeredPeople = async (runtime: CommandRuntime, ...names: ReadonlyArray<string>): Promise<string[]> => {
  const { ok } = actingAs(runtime, coreTeam);
  const organisation = await ok(registerOrganisation, { name: "Västerås stad", kind: "municipality" });
  const people: string[] = [];
  for (const name of names) people.push((await ok(registerPerson, { organisationId: organisation.id, name })).id);
  return people;
};
