import { randomUUID } from "node:crypto";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { useCommandRuntime } from "../../../testing/command-runtime.js";
import { appendInitiative } from "../../../testing/initiative-history.js";
import { coreTeam } from "../../../testing/principals.js";
import { mapGoverningContext, registerOrganisation, retireGoverningContext } from "../organisation/commands.js";
import { escalateTension, raiseTension } from "./commands.js";

// EscalateTension reads the named governing context from its organisation's stream, as
// LinkGoverningContext does; the rule itself is specified in libs/domain (escalation-context.unit.spec.ts).
const runtime = useCommandRuntime();

async function setUp() {
  const organisationId = (
    await runtime.ok(registerOrganisation, { input: { name: "Västerås stad", kind: "municipality" }, principal: coreTeam })
  ).id;
  const map = async (name: string) =>
    (
      await runtime.ok(mapGoverningContext, {
        input: { organisationId, name, kind: "committee", description: "" },
        principal: coreTeam,
      })
    ).id;
  const contextId = await map("Barn- och utbildningsnämnden");
  const retiredId = await map("Gamla styrgruppen");
  await runtime.ok(retireGoverningContext, {
    input: { organisationId, contextId: retiredId, reason: "Sammanslagen" },
    principal: coreTeam,
  });
  const initiativeId = await appendInitiative(runtime.store);
  const tensionId = (
    await runtime.ok(raiseTension, {
      input: {
        initiativeIds: [initiativeId],
        category: "roles",
        description: "Oklara roller",
        intensity: 3,
        raisedOn: "2024-09-19",
      },
      principal: coreTeam,
    })
  ).id;
  return { organisationId, contextId, retiredId, tensionId };
}

const escalation = (tensionId: string, governingContext?: { organisationId: string; contextId: string }) => ({
  tensionId,
  to: "organisation" as const,
  note: "Till nämnden",
  on: "2024-10-01",
  ...(governingContext ? { governingContext } : {}),
});

describe("escalating a tension to a governing context", () => {
  it("records the mapped context it goes to", async () => {
    const { organisationId, contextId, tensionId } = await setUp();
    const result = await runtime.ok(escalateTension, {
      input: escalation(tensionId, { organisationId, contextId }),
      principal: coreTeam,
    });
    const events = await Effect.runPromise(runtime.store.readStream(result.streamId));
    expect(events.at(-1)).toMatchObject({ type: "TensionEscalated", data: { governingContext: { organisationId, contextId } } });
  });

  it("is refused for a retired context, one never mapped, or an unknown organisation, appending nothing", async () => {
    const { organisationId, retiredId, contextId, tensionId } = await setUp();
    const head = await runtime.headPosition();
    const refused = async (governingContext: { organisationId: string; contextId: string }) =>
      (await runtime.failure(escalateTension, { input: escalation(tensionId, governingContext), principal: coreTeam }))._tag;
    expect(await refused({ organisationId, contextId: retiredId })).toBe("governing-context-retired");
    expect(await refused({ organisationId, contextId: randomUUID() })).toBe("governing-context-not-mapped");
    expect(await refused({ organisationId: randomUUID(), contextId })).toBe("organisation-not-registered");
    expect(await runtime.headPosition()).toBe(head);
  });
});
