import { describe, expect, it } from "vitest";
import { duplicateKeyPath } from "./duplicate-keys.js";

describe("duplicateKeyPath", () => {
  it("finds nothing in JSON whose objects name each key once, the same key in sibling objects included", () => {
    for (const text of ['{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}', "[]", '"a"', '{"a":"b:c","b":"\\"a\\":"}', "{}"])
      expect(duplicateKeyPath(text), text).toBeUndefined();
  });

  it("names a key given twice, by its path in the body", () => {
    expect(duplicateKeyPath('{"name":"a","name":"b"}')).toBe("body.name");
    expect(duplicateKeyPath('{"lines":[{"purpose":"x"},{"purpose":"y", "purpose" : "z"}]}')).toBe("body.lines.1.purpose");
    expect(duplicateKeyPath('{"a":{"b":[1,[2,3],{"c":1,"c":2}]}}')).toBe("body.a.b.2.c");
  });

  it("compares keys as decoded, and is not misled by quotes, colons and brackets inside strings", () => {
    expect(duplicateKeyPath('{"a":1,"\\u0061":2}')).toBe("body.a");
    expect(duplicateKeyPath('{"x":"{\\"a\\":1,\\"a\\":2}","y":"[,]"}')).toBeUndefined();
  });
});
