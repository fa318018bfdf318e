import { Cause, Effect, Exit, type Layer, ManagedRuntime, Option } from "effect";

/**
 * Builds `layer` into a runtime now, rather than on first use, so that a store that cannot
 * be opened or read models that cannot start fail the start. A failure half-way releases
 * what was already acquired (ManagedRuntime keeps it until disposed) and is then thrown,
 * its typed failure as is.
 */
export async function openRuntime<R, E>(layer: Layer.Layer<R, E>): Promise<ManagedRuntime.ManagedRuntime<R, E>> {
  const runtime = ManagedRuntime.make(layer);
  const built = await Effect.runPromiseExit(runtime.runtimeEffect);
  if (Exit.isFailure(built)) {
    await runtime.dispose();
    throw thrownFor(built.cause);
  }
  return runtime;
}

/**
 * Runs `effect` on `runtime` for a caller outside Effect (a Nest handler, a CLI command):
 * its success value, or its failure thrown as in successOrThrow.
 */
export const runOn = async <A, E, R, LayerError>(
  runtime: ManagedRuntime.ManagedRuntime<R, LayerError>,
  effect: Effect.Effect<A, E, R>,
): Promise<A> => successOrThrow(await runtime.runPromiseExit(effect));

/**
 * The success value, or the typed failure thrown as is, so that callers can tell failures
 * apart by `_tag` (the API's problem filter, the CLI's exit codes); a defect or an
 * interruption thrown as the error it squashes to.
 */
export function successOrThrow<A, E>(exit: Exit.Exit<A, E>): A {
  if (Exit.isSuccess(exit)) return exit.value;
  throw thrownFor(exit.cause);
}

function thrownFor<E>(cause: Cause.Cause<E>): unknown {
  const failure = Cause.failureOption(cause);
  return Option.isSome(failure) ? failure.value : Cause.squash(cause);
}
