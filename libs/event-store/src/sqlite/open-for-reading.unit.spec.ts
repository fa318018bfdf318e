import { describe, expect, it } from "vitest";
import { howToRead } from "./open-for-reading.js";

describe("howToRead: a file read without changing it, or making what its writer cannot use", () => {
  it("reads as the owner (or root) through SQLite's shared index, whatever lies beside the file", () => {
    for (const wal of ["none", "empty", "holding-commits"] as const)
      for (const shm of [false, true]) expect(howToRead({ wal, shm, asOwner: true }), `${wal} ${shm}`).toBe("shared");
  });

  it("reads as another user through an index a writer keeps, never one it would make itself", () => {
    expect(howToRead({ wal: "holding-commits", shm: true, asOwner: false })).toBe("shared");
    expect(howToRead({ wal: "empty", shm: true, asOwner: false })).toBe("shared");
    expect(howToRead({ wal: "none", shm: false, asOwner: false })).toBe("immutable");
    expect(howToRead({ wal: "none", shm: true, asOwner: false })).toBe("immutable");
    expect(howToRead({ wal: "empty", shm: false, asOwner: false })).toBe("immutable");
  });

  it("refuses commits in a -wal that only an index it would make could read", () => {
    expect(howToRead({ wal: "holding-commits", shm: false, asOwner: false })).toBe("refuse");
  });
});
