/** One object or array being walked: its keys so far, or how many items came before. */
type Frame =
  { readonly kind: "object"; readonly keys: Set<string>; key: string | undefined } | { readonly kind: "array"; index: number };

/**
 * The path of the first key an object of `text` names twice (`body.lines.1.purpose`, as
 * every field error names a path: docs/api.md "Errors"), or
 * undefined. `text` is JSON that has already parsed: a parser keeps the last of two equal
 * keys, so a proxy or a log that reads the first would see another request than the one
 * recorded. Keys compare as decoded: `"a"` and `"\u0061"` are the same.
 */
export function duplicateKeyPath(text: string): string | undefined {
  const frames: Frame[] = [];
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === "{") frames.push({ kind: "object", keys: new Set(), key: undefined });
    else if (char === "[") frames.push({ kind: "array", index: 0 });
    else if (char === "}" || char === "]") frames.pop();
    else if (char === ",") {
      const frame = frames.at(-1);
      if (frame?.kind === "array") frame.index++;
    } else if (char === '"') {
      const end = endOfString(text, at);
      const frame = frames.at(-1);
      if (frame?.kind === "object" && nextSignificant(text, end + 1) === ":") {
        const key = JSON.parse(text.slice(at, end + 1)) as string;
        if (frame.keys.has(key)) return pathOf(frames.slice(0, -1), key);
        frame.keys.add(key);
        frame.key = key;
      }
      at = end;
    }
  }
  return undefined;
}

/** The index of the quote that closes the string opened at `start`. */
function endOfString(text: string, start: number): number {
  let at = start + 1;
  while (text[at] !== '"') at += text[at] === "\\" ? 2 : 1;
  return at;
}

function nextSignificant(text: string, from: number): string | undefined {
  let at = from;
  while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  return text[at];
}

/** `body`, then each enclosing object's key and array's index, then the key itself, by dots. */
function pathOf(enclosing: ReadonlyArray<Frame>, key: string): string {
  let path = "body";
  for (const frame of enclosing) path += `.${frame.kind === "array" ? frame.index : frame.key}`;
  return `${path}.${key}`;
}
