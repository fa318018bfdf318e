/**
 * A deterministic JSON serialisation: object keys sorted by code unit, no whitespace,
 * `undefined` members dropped (as JSON.stringify does). Two envelopes with the same
 * content always produce the same bytes, whatever order their keys were built in.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
    case "boolean":
      return JSON.stringify(value);
    case "object":
      if (value === null) return "null";
      if (hasToJson(value)) return canonicalJson(value.toJSON());
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`Cannot serialise ${typeof value} canonically`);
  }
}

function canonicalArray(items: ReadonlyArray<unknown>): string {
  let json = "[";
  for (let i = 0; i < items.length; i++) {
    if (i > 0) json += ",";
    const item = items[i];
    json += item === undefined ? "null" : canonicalJson(item);
  }
  return `${json}]`;
}

function canonicalObject(object: Record<string, unknown>): string {
  const keys = sortedKeys(object);
  let json = "{";
  for (const key of keys) {
    const member = object[key];
    if (member === undefined) continue;
    if (json.length > 1) json += ",";
    json += quotedKey(key);
    json += ":";
    json += canonicalJson(member);
  }
  return `${json}}`;
}

/**
 * Object keys come from a few schemas, so every append serialised the same few dozen again;
 * their quoted forms are remembered. Bounded: a payload keyed by ids cannot grow it for ever.
 */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_KEPT = 4_096;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < QUOTED_KEYS_KEPT) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * Object.keys in code-unit order. Array.prototype.sort allocates about 900 bytes a call
 * whatever the length, a sixth of all an append allocated; the few keys of an event's
 * objects are sorted in place instead.
 */
function sortedKeys(object: object): string[] {
  const keys = Object.keys(object);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  return keys;
}

const hasToJson = (value: object): value is { toJSON: () => unknown } =>
  typeof (value as { toJSON?: unknown }).toJSON === "function";
