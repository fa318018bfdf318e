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
 * Metadata that does not parse throws a SyntaxError where it is first read: the log is
 * corrupt there (`mandat verify` says where).
 */
export const lazyMetadata = (json: string, hash: string): EventMetadata =>
  new Proxy(new Unparsed(json, hash), TRAPS) as unknown as EventMetadata;

class Unparsed {
  parsed: EventMetadata | undefined = undefined;

  constructor(
    readonly json: string,
    readonly hash: string,
  ) {}

  /**
   * What util.inspect (console.log) shows. It unwraps a proxy and calls this on it: a plain
   * copy of what it answers, and never a throw, for logging an event must not fail.
   */
  [inspect.custom](this: EventMetadata | Unparsed) {
    try {
      return { ...this };
    } catch {
      return "[metadata that does not parse]";
    }
  }
}

/**
 * Metadata as stored, with the hash stored beside it: set on the parsed object rather than
 * copied into a new one, as every event of a catch-up read or a rebuild comes through here.
 */
export function parseMetadata(json: string, hash: string): EventMetadata {
  const metadata = JSON.parse(json) as EventMetadata & { hash: string };
  metadata.hash = hash;
  return metadata;
}

function parsed(unparsed: Unparsed): EventMetadata {
  unparsed.parsed ??= parseMetadata(unparsed.json, unparsed.hash);
  return unparsed.parsed;
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
