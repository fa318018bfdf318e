import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Issue 15, "License": the EUPL 1.2, the licence Swedish public bodies share software under,
 * as the official English text (taken from the SPDX licence list) and in package.json.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const licence = readFileSync(`${root}LICENSE`, "utf8");

describe("the licence", () => {
  it("LICENSE is the EUPL v. 1.2, whole: its title, its 15 articles and the appendix of compatible licences", () => {
    expect(licence.startsWith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\nEUPL © the European Union 2007, 2016\n")).toBe(true);
    for (let article = 1; article <= 15; article++) expect(licence).toMatch(new RegExp(`^${article}\\.\\s?[A-Z]`, "m"));
    expect(licence).toContain("Appendix");
    expect(licence).toContain("Compatible Licences");
    expect(
      licence.trimEnd().endsWith("All other changes or additions to this Appendix require the production of a new EUPL version."),
    ).toBe(true);
  });

  it('package.json says "EUPL-1.2", its SPDX identifier', () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { license?: string };
    expect(pkg.license).toBe("EUPL-1.2");
  });
});
