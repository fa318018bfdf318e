/** Text and attribute values escaped for XML 1.0; characters XML cannot hold are refused, not dropped. */
export function xmlEscape(value: string | number): string {
  const text = String(value);
  // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text)) throw new TypeError("A character XML 1.0 cannot hold");
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** `name="value"` pairs, escaped, in the order given; undefined values are left out. */
export const attributes = (pairs: Readonly<Record<string, string | number | undefined>>): string =>
  Object.entries(pairs)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${xmlEscape(value!)}"`)
    .join("");
