import { type ContextId, organisationStream } from "#domain";
import { ExpectedRevision } from "#event-store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { useCommandRuntime } from "../../../testing/command-runtime.js";
import { admin } from "../../../testing/principals.js";
import { mapGoverningContext, registerOrganisation, retireGoverningContext } from "./commands.js";

/**
 * Issue 15, defect 5: the text primitives now refuse control characters and unpaired
 * surrogates, and the event schemas are built from them. An event stored before that rule
 * is never parsed again: the stream it is in still reads, and commands on it still decide.
 */
const runtime = useCommandRuntime();

const OLD_CONTEXT = "0190a6c2-5f0e-7000-8000-00000000c0de" as ContextId;

describe("text stored before the rule", () => {
  it("a context mapped with a NUL byte and an unpaired surrogate in its text can still be retired; new such text is refused", async () => {
    const {
      id: organisationId,
      streamId,
      revision,
    } = await runtime.ok(registerOrganisation, {
      input: { name: "Gamla kommunen", kind: "municipality" },
      principal: admin,
    });
    expect(streamId).toBe(organisationStream(organisationId));
    // Written straight to the store, as the pipeline wrote it before the rule existed.
    await Effect.runPromise(
      runtime.store.append(
        streamId,
        [
          {
            type: "GoverningContextMapped",
            schemaVersion: 1,
            data: { contextId: OLD_CONTEXT, name: "Nämnd\u0000", kind: "committee", description: "Trasig \uD800" },
            metadata: { actor: { id: admin.id, roles: [...admin.roles] }, commandId: "c", correlationId: "c", causationId: "c" },
          },
        ],
        ExpectedRevision.at(revision),
      ),
    );

    const retired = await runtime.ok(retireGoverningContext, {
      input: { organisationId, contextId: OLD_CONTEXT, reason: "Nedlagd" },
      principal: admin,
    });
    expect(retired.revision).toBe(revision + 2);

    const refused = await runtime.failure(mapGoverningContext, {
      input: { organisationId, name: "Nämnd\u0000", kind: "committee", description: "" },
      principal: admin,
    });
    expect(refused).toMatchObject({ _tag: "InvalidInput", issues: [{ path: ["name"] }] });
  });
});
