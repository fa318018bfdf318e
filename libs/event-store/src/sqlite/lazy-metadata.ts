import { inspect } from "node:util";
import type { EventMetadata } from "../port/recorded-event.js";

/**
 * Event metadata parsed from its stored JSON the first time anything reads it. A rebuild
 * takes every event of the log in from a reader thread (log-reader-thread.ts), and parsing
 * every event's metadata cost its event loop about half a second a million events, while its
 * projections read the metadata of a quarter of them, for the actor's id (issue 16).
 *
 * It reads, spreads, serialises and compares as the parsed object does: every trap answers
 * from that object. It is read-only, like the metadata of any recorded event. Structured
 * clone refuses proxies: copy it (`{ ...metadata }`) before sending it to another thread.
 */
export const lazyMetadata = (json: string, hash: string): EventMetadata =>
  new Proxy<Unparsed>({ json, hash, parsed: undefined, [inspect.custom]: showParsed }, TRAPS) as unknown as EventMetadata;

interface Unparsed {
  readonly json: string;
  readonly hash: string;
  parsed: EventMetadata | undefined;
  /** util.inspect (console.log) shows a proxy's target: it shows the metadata instead. */
  readonly [inspect.custom]: typeof showParsed;
}

function parsed(unparsed: Unparsed): EventMetadata {
  if (unparsed.parsed === undefined) {
    const metadata = JSON.parse(unparsed.json) as EventMetadata & { hash: string };
    metadata.hash = unparsed.hash;
    unparsed.parsed = metadata;
  }
  return unparsed.parsed;
}

/** Called on the proxy: a plain copy of what it answers. */
function showParsed(this: EventMetadata) {
  return { ...this };
}

const refuse = () => false;

const TRAPS: ProxyHandler<Unparsed> = {
  get: (unparsed, key) => Reflect.get(parsed(unparsed), key),
  has: (unparsed, key) => Reflect.has(parsed(unparsed), key),
  ownKeys: (unparsed) => Reflect.ownKeys(parsed(unparsed)),
  getOwnPropertyDescriptor: (unparsed, key) => Reflect.getOwnPropertyDescriptor(parsed(unparsed), key),
  getPrototypeOf: () => Object.prototype,
  set: refuse,
  defineProperty: refuse,
  deleteProperty: refuse,
  // Freezing it would freeze the unparsed text, not the metadata, and break what it answers.
  preventExtensions: refuse,
};
