import { calendarDate } from "#domain";
import { describePeople, parseInstant } from "#platform";
import { KeyStore } from "#privacy";
import { ProjectionRunner, allProjections, initiativeOverview, openReadModelDatabase } from "#projections";
import { Effect } from "effect";
import { openContext } from "../cli-context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

/**
 * `mandat state <initiative-id> [--at <date>] [--asOf <instant>] [--json]`: the initiative
 * overview as it was. The read models are first brought up to the head of the log; that
 * is safe beside a running server, which follows the same checkpoints.
 */
export async function state(initiativeId: string | undefined, options: { at?: string; asOf?: string; json?: boolean }): Promise<ExitCode> {
  if (!initiativeId) throw new CliError(EXIT.usage, "mandat state <initiative-id>");
  const at = options.at ?? calendarDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(at) || Number.isNaN(Date.parse(at))) throw new CliError(EXIT.usage, `--at takes a date (YYYY-MM-DD), not "${at}"`);
  const asOf = options.asOf === undefined ? undefined : parseInstant(options.asOf, "end");
  if (options.asOf !== undefined && !asOf) throw new CliError(EXIT.usage, `--asOf takes a date or an instant with offset, not "${options.asOf}"`);
  const context = await openContext({ mustExist: true });
  const db = openReadModelDatabase(context.config.readModelsPath);
  try {
    const runner = new ProjectionRunner(db, context.store, allProjections);
    await context.run(runner.start());
    const head = await context.run(context.store.headPosition);
    const caughtUp = await Effect.runPromise(runner.waitFor(head, 120_000));
    await Effect.runPromise(runner.stop());
    if (!caughtUp) throw new CliError(EXIT.unavailable, `The read models did not reach position ${head}: ${JSON.stringify(runner.status())}`);
    const overview = initiativeOverview(db, initiativeId, { at, ...(asOf === undefined ? {} : { asOf }) });
    if (!overview) throw new CliError(EXIT.noInput, `No initiative ${initiativeId}${asOf ? ` as known at ${asOf}` : ""}`);
    const people = await context.run(Effect.flatMap(KeyStore, (keys) => describePeople(db, keys, overview.leads.map((l) => l.personId))));
    const leads = overview.leads.map((lead) => ({ ...lead, name: people.get(lead.personId)?.name }));
    if (options.json) {
      console.log(JSON.stringify({ ...overview, leads }, null, 2));
      return EXIT.ok;
    }
    const mandate = overview.mandate;
    console.log(`${overview.name} (${overview.status}) on ${at}${asOf ? `, as known at ${asOf}` : ""}`);
    console.log(`  leads: ${leads.map((l) => `${l.name} (${l.role})`).join(", ") || "none"}`);
    console.log(`  goals: ${overview.goals.map((g) => g.statement).join(" | ") || "none active"}`);
    console.log(
      mandate
        ? `  mandate: ${mandate.validFrom}..${mandate.validUntil ?? "open end"}, ${mandate.steering} steering${mandate.budgetSek === null ? "" : `, ${mandate.budgetSek} SEK`}\n    scope: ${mandate.scope.join("; ")}\n    boundaries: ${mandate.boundaries.join("; ")}`
        : "  mandate: none in force",
    );
    console.log(`  open tensions: ${overview.openTensions.length}, unanswered signals: ${overview.unansweredSignals.length}`);
    console.log(
      `  last check-in: ${overview.lastCheckIn?.heldOn ?? "none"}; next due: ${overview.nextCheckInDue ?? "not set"}${overview.checkInOverdue ? " (OVERDUE)" : ""}`,
    );
    return EXIT.ok;
  } finally {
    db.close();
    await context.close();
  }
}
