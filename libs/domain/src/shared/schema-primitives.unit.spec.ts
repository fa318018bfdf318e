import { describe, expect, it } from "vitest";
import { longText, name, optionalLongText, shortText, textList } from "./schema-primitives.js";

/** Issue 15, defect 5: what every text field of every operation takes, stores and refuses. */
describe("text primitives", () => {
  const refused = {
    "a NUL byte": "a\u0000b",
    "a terminal escape": "\u001b[31mröd",
    "a carriage return": "rad\r\nrad",
    DEL: "a\u007fb",
    "a C1 control": "a\u0085b",
    "a right-to-left override": "faktura\u202Efdp.exe",
    "a bidirectional isolate": "a\u2066b\u2069",
    "a lone high surrogate": "trasig\uD800",
    "a lone low surrogate": "\uDC00trasig",
  };

  it.each(Object.entries(refused))("refuses %s, naming why", (_what, value) => {
    for (const schema of [name, shortText, longText, optionalLongText]) {
      const result = schema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.message).toMatch(/a character that cannot be kept/);
    }
  });

  it("refuses such a character inside a list, at its index", () => {
    const result = textList.safeParse(["bra", "o\u0000k"]);
    expect(result.error!.issues[0]!.path).toEqual([1]);
  });

  it("takes newlines, tabs, emoji (paired surrogates) and Swedish as they are", () => {
    const value = "Mål:\n\tÅtgärd för 😀 alla barn";
    expect(longText.parse(value)).toBe(value);
  });

  it("stores text NFC-normalised and trimmed: a decomposed å becomes one code point", () => {
    const decomposed = "  A\u030Angermanland ";
    expect(shortText.parse(decomposed)).toBe("\u00C5ngermanland");
    expect(name.parse("e\u0301")).toBe("\u00E9");
  });

  it("counts the length after normalising", () => {
    expect(name.safeParse("e\u0301".repeat(200)).success).toBe(true);
    expect(name.safeParse("é".repeat(201)).success).toBe(false);
  });
});
