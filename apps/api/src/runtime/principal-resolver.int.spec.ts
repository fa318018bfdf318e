import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LoginDirectory, executeCommand, unlinkLogin } from "#application";
import { type Identity, LOCAL_ISSUER } from "#platform";
import { currentLeads } from "#projections";
import { Effect } from "effect";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MandatRuntime } from "./mandat-runtime.js";
import { configIn, openDemoRuntime } from "./testing/demo-runtime.js";

/**
 * The principal a login resolves to is kept while nothing it is read from changes: these
 * show it read once, and read afresh after a write, also one by another process.
 */
let dir: string;
let runtime: MandatRuntime;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "mandat-principals-"));
  runtime = await openDemoRuntime(dir);
}, 60_000);

afterAll(async () => {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A lead of an open initiative of the demo, signed in with their development login. */
const aLead = (index: number): Identity => {
  const personId = currentLeads(runtime.readModels)[index]!.personId;
  return { issuer: LOCAL_ISSUER, subject: personId, emailVerified: false, roles: [], expiresAt: Date.now() + 60_000 };
};

describe("PrincipalResolver", () => {
  it("resolves a login asked again, with nothing written since, without reading the log again", async () => {
    const lead = aLead(0);
    const first = await runtime.principals.resolve(lead);
    expect(first.principal.roles).toContain("initiative-lead");
    const run = vi.spyOn(runtime, "run");
    try {
      expect(await runtime.principals.resolve(lead)).toEqual(first);
      expect(run).not.toHaveBeenCalled();
    } finally {
      run.mockRestore();
    }
  });

  it("reads afresh after another process unlinked the login: the very next request acts for no one", async () => {
    const lead = aLead(1);
    expect((await runtime.principals.resolve(lead)).principal.personId).toBe(lead.subject);
    // Another process: its own connections to the same log and keys, its own read models.
    const other = await MandatRuntime.open(configIn(dir, "other-read-models.sqlite"));
    try {
      await other.run(
        Effect.provideService(
          executeCommand(unlinkLogin, {
            input: { personId: lead.subject, issuer: LOCAL_ISSUER, subject: lead.subject },
            principal: { id: "admin", roles: ["admin"] },
          }),
          LoginDirectory,
          other.principals.logins,
        ),
      );
    } finally {
      await other.close();
    }
    // Read at once, before this process's read models have taken the unlink in: the person's stream says it.
    const signedIn = await runtime.principals.resolve(lead);
    expect(signedIn.unlinked).toBe("not-linked");
    expect(signedIn.principal.personId).toBeUndefined();
  });
});
