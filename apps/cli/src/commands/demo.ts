import { loadDemoHistory } from "#application";
import { openContext } from "../cli-context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

/** `mandat demo`: the demo history of DOMAIN.md, through the real pipeline, into an empty log. */
export async function demo(): Promise<ExitCode> {
  const context = await openContext({ mustExist: false });
  try {
    const head = await context.run(context.store.headPosition);
    if (head > 0) throw new CliError(EXIT.cannotCreate, `The log already holds ${head} events; the demo goes only into an empty log`);
    const summary = await context.run(loadDemoHistory);
    console.log(`Loaded the demo history: ${summary.commands} commands into ${describeStore(context.config)}`);
    return EXIT.ok;
  } finally {
    await context.close();
  }
}

export const describeStore = (config: { store: { engine: string; path?: string; connectionString?: string } }): string =>
  config.store.engine === "sqlite" ? config.store.path! : `EventStoreDB at ${config.store.connectionString}`;
