import { connect } from "node:net";

/**
 * HTTP/1.1 over a bare socket, for what fetch will not send: half a request, bytes that are
 * not HTTP, a body that stops. The exchange ends when the server closes the connection or
 * `waitMs` passes.
 */

export interface RawAnswer {
  /** The status of the first response on the connection; 0 when none came. */
  readonly status: number;
  /** Its headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** Its body, parsed when it is JSON. */
  readonly body: any;
  /** Everything the server sent. */
  readonly raw: string;
  /** Whether the server closed the connection (rather than the wait running out). */
  readonly closedByServer: boolean;
  readonly elapsedMs: number;
}

export interface RawConnection {
  /** Sends more bytes on the connection. */
  readonly write: (text: string) => void;
  /** Resolves once the server closes the connection, or after `waitMs`, with what came. */
  readonly answer: (waitMs: number) => Promise<RawAnswer>;
  /** Resolves once some bytes have arrived (or the connection closed). */
  readonly firstBytes: () => Promise<void>;
}

/** Opens a connection to the server at `url` and sends `text` on it. */
export function openRaw(url: string, text: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let received = "";
    let closed = false;
    const waiters: Array<() => void> = [];
    const wake = () => waiters.splice(0).forEach((waiter) => waiter());
    const socket = connect(Number(port), hostname, () => {
      socket.write(text);
      resolve({
        write: (more) => socket.write(more),
        firstBytes: () => (received || closed ? Promise.resolve() : new Promise<void>((woken) => waiters.push(woken))),
        answer: async (waitMs) => {
          if (!closed) {
            await new Promise<void>((woken) => {
              const timer = setTimeout(woken, waitMs);
              socket.once("close", () => {
                clearTimeout(timer);
                woken();
              });
            });
          }
          const closedByServer = closed;
          socket.destroy();
          return { ...parseResponse(received), raw: received, closedByServer, elapsedMs: Date.now() - started };
        },
      });
    });
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      received += chunk;
      wake();
    });
    socket.on("close", () => {
      closed = true;
      wake();
    });
    socket.on("error", (error) => (closed ? undefined : reject(error)));
  });
}

/** Sends `text` and waits (at most `waitMs`) for the server to answer and close. */
export async function rawExchange(url: string, text: string, waitMs = 5_000): Promise<RawAnswer> {
  return (await openRaw(url, text)).answer(waitMs);
}

function parseResponse(raw: string): Pick<RawAnswer, "status" | "headers" | "body"> {
  const end = raw.indexOf("\r\n\r\n");
  if (end === -1) return { status: 0, headers: {}, body: undefined };
  const [statusLine = "", ...lines] = raw.slice(0, end).split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers["content-length"] ?? Number.NaN);
  const text = raw.slice(end + 4, Number.isNaN(length) ? undefined : end + 4 + length);
  const json = /[/+]json\b/.test(headers["content-type"] ?? "") && text.length > 0;
  return { status: Number(statusLine.split(" ")[1] ?? 0), headers, body: json ? JSON.parse(text) : text };
}

/** A request head as a client writes it: request line, headers, the blank line. */
export const requestHead = (method: string, path: string, headers: Readonly<Record<string, string>> = {}): string =>
  `${method} ${path} HTTP/1.1\r\nHost: mandat.test\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("")}\r\n`;
