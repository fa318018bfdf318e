/** A Server-Sent Events reader over fetch, for GET /api/v1/events/live. */

export interface LiveFrame {
  readonly id?: string;
  readonly data: { readonly type: string; readonly streamId: string; readonly position: number };
}

export interface LiveFeed {
  readonly status: number;
  readonly headers: Headers;
  /** The next frame with data that matches, in order; rejects after `timeoutMs`. */
  next(match?: (frame: LiveFrame) => boolean, timeoutMs?: number): Promise<LiveFrame>;
  /** The next `count` frames. */
  take(count: number, timeoutMs?: number): Promise<LiveFrame[]>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

export async function openLiveFeed(url: string, headers: Record<string, string>): Promise<LiveFeed> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/v1/events/live`, { headers, signal: controller.signal });
  const frames: LiveFrame[] = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  let buffer = "";
  let finished = false;

  const ended = (async () => {
    if (!response.body || !response.headers.get("content-type")?.startsWith("text/event-stream")) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let id: string | undefined;
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("id:")) id = line.slice(3).trim();
            else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
          }
          if (data.length > 0) frames.push({ ...(id === undefined ? {} : { id }), data: JSON.parse(data.join("\n")) });
        }
        wake();
      }
    } catch {
      // Aborted by close(), or the connection dropped.
    } finally {
      finished = true;
      wake();
    }
  })();

  const next = (match: (frame: LiveFrame) => boolean = () => true, timeoutMs = 5_000): Promise<LiveFrame> =>
    new Promise((resolve, reject) => {
      const check = () => {
        while (frames.length > 0) {
          const frame = frames.shift()!;
          if (match(frame)) {
            done();
            resolve(frame);
            return;
          }
        }
        if (finished) {
          done();
          reject(new Error("The live feed ended before a matching frame arrived"));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`No matching live frame within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  return {
    status: response.status,
    headers: response.headers,
    next,
    take: async (count, timeoutMs) => {
      const taken: LiveFrame[] = [];
      for (let i = 0; i < count; i++) taken.push(await next(undefined, timeoutMs));
      return taken;
    },
    ended,
    close: () => controller.abort(),
  };
}
