import { calendarDate } from "#domain";
import { ReadModels } from "#platform";
import { KeyStore } from "#privacy";
import {
  type ProjectionStatus,
  describePeople,
  describePeopleReadModels,
  initiativeOverview,
  initiativeOverviewReadModels,
} from "#projections";
import { Effect } from "effect";
import { withReadModels } from "../cli-context.js";
import { dateOption, instantOption } from "../date-options.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

/** What the overview is read from, and the people model that names its leads: a stopped model elsewhere does not hold it up. */
const READ_MODELS = [...initiativeOverviewReadModels, ...describePeopleReadModels].map((projection) => projection.name);

/**
 * `mandat state <initiative-id> [--at <date>] [--asOf <instant>] [--json]`: the initiative
 * overview as it was. The read models are first brought up to the head of the log; that
 * is safe beside a running server, which follows the same checkpoints.
 */
export async function state(
  initiativeId: string | undefined,
  options: { at?: string; asOf?: string; json?: boolean },
): Promise<ExitCode> {
  if (!initiativeId) throw new CliError(EXIT.usage, "mandat state <initiative-id>");
  const at = dateOption("--at", options.at) ?? calendarDate(new Date());
  const asOf = instantOption("--asOf", options.asOf, "end");
  return withReadModels(async (context) => {
    const { runner, db } = await context.run(ReadModels);
    const head = await context.run(context.store.headPosition);
    const caughtUp = await Effect.runPromise(runner.waitFor(head, 120_000, READ_MODELS));
    // Caught up: nothing more is applied while the overview and the names are read.
    await Effect.runPromise(runner.stop());
    if (!caughtUp) throw notCaughtUp(runner.status(), head);
    const overview = initiativeOverview(db, initiativeId.toLowerCase(), { at, ...(asOf === undefined ? {} : { asOf }) });
    if (!overview) throw new CliError(EXIT.noInput, `No initiative ${initiativeId}${asOf ? ` as known at ${asOf}` : ""}`);
    const people = await context.run(
      Effect.flatMap(KeyStore, (keys) =>
        describePeople(
          db,
          keys,
          overview.leads.map((l) => l.personId),
        ),
      ),
    );
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
  });
}

/**
 * Why the overview cannot be read: one of its read models stopped on an event (bad data
 * for its code, as in a rebuild), or they are still behind the log.
 */
function notCaughtUp(statuses: ReadonlyArray<ProjectionStatus>, head: number): CliError {
  const needed = statuses.filter((status) => READ_MODELS.includes(status.name));
  const stopped = needed.find((status) => status.state === "stopped");
  if (stopped) {
    const { failure } = stopped;
    // A failure names no event when the rows broke a key as a rebuild indexed them.
    const where = !failure
      ? `at position ${stopped.position}`
      : failure.type
        ? `on ${failure.type} at position ${failure.position} (${failure.message})`
        : `(${failure.message})`;
    return new CliError(
      EXIT.dataError,
      `Read model ${stopped.name} stopped ${where}; once fixed, mandat rebuild ${stopped.name} brings it back`,
    );
  }
  return new CliError(EXIT.unavailable, `The read models did not reach position ${head}: ${JSON.stringify(needed)}`);
}
