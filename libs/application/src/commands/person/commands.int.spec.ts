import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OrganisationId, type Principal, type SealedText, personStream } from "#domain";
import { EventStore, verifyStore } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import { ERASED_PERSON_NAME, KeyStore, type KeyStoreService, SqliteKeyStore, readPersonalData } from "#privacy";
import { Cause, Effect, Exit, Layer, ManagedRuntime } from "effect";
import { describe, expect, it } from "vitest";
import { useCommandRuntime } from "../../../testing/command-runtime.js";
import { executeCommand } from "../../execute-command.js";
import { registerOrganisation } from "../organisation/commands.js";
import { endCoreTeamMembership, erasePerson, registerPerson, startCoreTeamMembership } from "../person/commands.js";

const admin: Principal = { id: "admin-1", roles: ["admin"] };
const lead: Principal = { id: "lead-1", roles: ["initiative-lead"] };
const person = { name: "Deltagare Västerås 1", email: "deltagare.v1@example.se" };

const runtime = useCommandRuntime();

const registered = async () => {
  const organisation = await runtime.ok(registerOrganisation, {
    input: { name: "Västerås stad", kind: "municipality" },
    principal: admin,
  });
  const result = await runtime.ok(registerPerson, {
    input: { organisationId: organisation.id, ...person },
    principal: admin,
  });
  const [event] = await Effect.runPromise(runtime.store.readStream(personStream(result.id)));
  return { personId: result.id, sealed: event!.data as { name: SealedText; email: SealedText } };
};

describe("personal data", () => {
  it("is stored sealed: the log holds ciphertext, never the name or e-mail", async () => {
    const { sealed } = await registered();
    expect(sealed.name).toMatchObject({ alg: "A256GCM" });
    const log = JSON.stringify(await Effect.runPromise(runtime.store.readAll()));
    expect(log).not.toContain(person.name);
    expect(log).not.toContain(person.email);
  });

  it("is read back with the person's key", async () => {
    const { personId, sealed } = await registered();
    const data = await Effect.runPromise(readPersonalData(runtime.keys, personId, sealed));
    expect(data).toEqual({ ...person, erased: false });
  });

  it("cannot be opened as another person's data", async () => {
    const first = await registered();
    const second = await registered();
    const swapped = await Effect.runPromise(readPersonalData(runtime.keys, second.personId, first.sealed));
    expect(swapped).toEqual({ name: ERASED_PERSON_NAME, erased: true });
  });

  it("is unreadable after erasure: a placeholder, not an error, and the log still verifies", async () => {
    const { personId, sealed } = await registered();
    await runtime.ok(erasePerson, { input: { personId }, principal: admin });

    expect(await Effect.runPromise(runtime.keys.find(personId))).toBeUndefined();
    const data = await Effect.runPromise(readPersonalData(runtime.keys, personId, sealed));
    expect(data).toEqual({ name: ERASED_PERSON_NAME, erased: true });
    const report = await Effect.runPromise(verifyStore(runtime.store, { densePositions: runtime.store.densePositions }));
    expect(report).toEqual({ ok: true, checkedEvents: 3 });
  });

  it("refuses any further command about an erased person", async () => {
    const { personId } = await registered();
    await runtime.ok(erasePerson, { input: { personId }, principal: admin });
    const error = await runtime.failure(startCoreTeamMembership, {
      input: { personId, focusArea: "alla-barn-och-unga-lyckas", on: "2024-09-01" },
      principal: admin,
    });
    expect(error._tag).toBe("person-erased");
    const again = await runtime.ok(erasePerson, { input: { personId }, principal: admin });
    expect(again.revision).toBe(1);
  });

  it("leaves no trace of the name in the files on disk after erasure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mandat-privacy-"));
    const store = SqliteEventStore.open({ path: join(dir, "events.sqlite") });
    const keys = SqliteKeyStore.open(join(dir, "keys.sqlite"));
    const onDisk = ManagedRuntime.make(Layer.mergeAll(Layer.succeed(EventStore, store), Layer.succeed(KeyStore, keys)));
    try {
      const organisation = await onDisk.runPromise(
        executeCommand(registerOrganisation, { input: { name: "MDU", kind: "university" }, principal: admin }),
      );
      const { id } = await onDisk.runPromise(
        executeCommand(registerPerson, {
          input: { organisationId: organisation.id as OrganisationId, ...person },
          principal: admin,
        }),
      );
      const files = () =>
        ["events.sqlite", "events.sqlite-wal", "keys.sqlite", "keys.sqlite-wal"].map((file) => {
          try {
            return readFileSync(join(dir, file));
          } catch {
            return Buffer.alloc(0);
          }
        });
      const [event] = await Effect.runPromise(store.readStream(personStream(id)));
      const sealed = event!.data as { name: SealedText };
      const key = (await Effect.runPromise(keys.find(id)))!;
      // Before the erasure the name can be read and its key is on disk: the checks below can fail.
      expect(await Effect.runPromise(readPersonalData(keys, id, sealed))).toMatchObject({ name: person.name, erased: false });
      expect(files().some((bytes) => bytes.includes(key))).toBe(true);

      await onDisk.runPromise(executeCommand(erasePerson, { input: { personId: id }, principal: admin }));

      expect(await Effect.runPromise(readPersonalData(keys, id, sealed))).toMatchObject({
        name: ERASED_PERSON_NAME,
        erased: true,
      });
      for (const bytes of files()) {
        expect(bytes.includes(Buffer.from(person.name))).toBe(false);
        expect(bytes.includes(key)).toBe(false);
      }
    } finally {
      await onDisk.dispose();
      store.close();
      keys.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("person commands", () => {
  it("needs a registered organisation", async () => {
    const error = await runtime.failure(registerPerson, {
      input: { organisationId: crypto.randomUUID() as OrganisationId, name: "X" },
      principal: admin,
    });
    expect(error._tag).toBe("organisation-not-registered");
  });

  it("stores a key only for a registration it records", async () => {
    const keysCreated: string[] = [];
    const keys: KeyStoreService = {
      ...runtime.keys,
      store: (personId, key) => {
        keysCreated.push(personId);
        return runtime.keys.store(personId, key);
      },
    };
    const register = (organisationId: OrganisationId) =>
      Effect.runPromiseExit(
        executeCommand(registerPerson, { input: { organisationId, name: "X" }, principal: admin }).pipe(
          Effect.provideService(EventStore, runtime.store),
          Effect.provideService(KeyStore, keys),
        ),
      );

    expect(await register(crypto.randomUUID() as OrganisationId)).toMatchObject({
      cause: { error: { _tag: "organisation-not-registered" } },
    });
    expect(keysCreated).toEqual([]);

    const organisation = await runtime.ok(registerOrganisation, { input: { name: "MDU", kind: "university" }, principal: admin });
    const registered = await register(organisation.id as OrganisationId);
    if (!Exit.isSuccess(registered)) throw new Error(`The registration failed: ${Cause.pretty(registered.cause)}`);
    expect(keysCreated).toEqual([registered.value.id]);
  });

  it("is for admins and the Core Team only", async () => {
    const error = await runtime.failure(registerPerson, {
      input: { organisationId: crypto.randomUUID() as OrganisationId, name: "X" },
      principal: lead,
    });
    expect(error._tag).toBe("Forbidden");
  });

  it("records Core Team membership from start to end", async () => {
    const { personId } = await registered();
    const membership = { personId, focusArea: "alla-barn-och-unga-lyckas", on: "2024-01-15" };
    await runtime.ok(startCoreTeamMembership, { input: membership, principal: admin });
    const early = await runtime.failure(endCoreTeamMembership, { input: { ...membership, on: "2024-01-14" }, principal: admin });
    expect(early._tag).toBe("membership-ends-before-start");
    const ended = await runtime.ok(endCoreTeamMembership, { input: { ...membership, on: "2025-01-15" }, principal: admin });
    expect(ended.revision).toBe(2);
  });
});
