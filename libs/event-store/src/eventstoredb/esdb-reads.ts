/** A read the client streams from the server: iterable, and cancellable on the server. */
export interface CancellableRead<T> extends AsyncIterable<T> {
  readonly cancel: () => Promise<void>;
}

/**
 * Goes through a read until `visit` says stop (returns false) or the server has sent all.
 * Leaving a `for await` early only pauses the client's stream: the call stays open on the
 * server, where open calls count against its limit of concurrent ones, until it is
 * cancelled. So a read left early is cancelled, always, also when `visit` throws.
 */
export async function readUntil<T>(read: CancellableRead<T>, visit: (item: T) => boolean): Promise<void> {
  let finished = false;
  try {
    for await (const item of read) {
      if (!visit(item)) return;
    }
    finished = true;
  } finally {
    if (!finished) await read.cancel();
  }
}
