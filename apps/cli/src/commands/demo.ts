import { loadDemoHistory } from "#application";
import type { MandatConfig } from "#platform";
import { withContext } from "../cli-context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

/** `mandat demo`: the demo history of docs/domain.md "Demo data", through the real pipeline, into an empty log. */
export async function demo(): Promise<ExitCode> {
  return withContext("create", async (context) => {
    const head = await context.run(context.store.headPosition);
    if (head > 0)
      throw new CliError(EXIT.cannotCreate, `The log already holds ${head} events; the demo goes only into an empty log`);
    const summary = await context.run(loadDemoHistory);
    console.log(`Loaded the demo history: ${summary.commands} commands into ${describeStore(context.config)}`);
    return EXIT.ok;
  });
}

const describeStore = ({ store }: MandatConfig): string =>
  store.engine === "sqlite" ? store.path : `EventStoreDB at ${store.connectionString}`;
