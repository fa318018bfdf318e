import { initiativesLedBy } from "#projections";
import { Controller, Inject, Req } from "@nestjs/common";
import { z } from "zod";
import { signedInOf, type MandatRequest } from "../http/request-context.js";
import { API, Route, type RouteDefinition } from "../http/route-definition.js";
import { describePeople } from "../runtime/describe-people.js";
import { MandatRuntime } from "../runtime/mandat-runtime.js";

export const MeAnswer = z.object({
  issuer: z.string().describe("The token's `iss` (the server's own tokens: `mandat`)"),
  subject: z.string().describe("The token's `sub`"),
  name: z.string().optional().describe("The token's `name`"),
  roles: z.array(z.enum(["admin", "core-team", "initiative-lead", "auditor"])).describe("The roles held today"),
  person: z
    .object({ id: z.uuid(), name: z.string(), organisationId: z.uuid().nullable() })
    .nullable()
    .describe("The person the login is linked to; null when it is linked to no one"),
  unlinked: z
    .enum(["not-linked", "ambiguous", "erased"])
    .optional()
    .describe("Why there is no person: the login is linked to no one (ask an admin), to several, or to an erased person"),
  coreTeam: z.array(z.string()).describe("The focus areas whose Core Team the person is in today"),
  initiatives: z.array(z.object({ id: z.uuid(), name: z.string() })).describe("The open initiatives the person leads"),
  tokenExpiresAt: z.iso.datetime(),
});

export const meRoute = {
  method: "GET",
  path: `${API}/me`,
  operationId: "me",
  summary: "Who the server thinks you are: your login, your person, and your roles and initiatives today, as the log says",
  kind: "own",
  tag: "People",
  audience: "signed-in",
  response: MeAnswer,
  status: 200,
  problems: ["unauthenticated", "identity-provider-unavailable"],
} satisfies RouteDefinition;

/** Any valid token may ask, also one whose login is linked to no one: that is how they learn what to do. */
@Controller()
export class MeController {
  constructor(@Inject(MandatRuntime) private readonly runtime: MandatRuntime) {}

  @Route(meRoute)
  async me(@Req() request: MandatRequest): Promise<z.infer<typeof MeAnswer>> {
    const { identity, principal, unlinked, coreTeam } = signedInOf(request);
    const personId = principal.personId;
    const person = personId === undefined ? undefined : (await describePeople(this.runtime, [personId])).get(personId);
    return {
      issuer: identity.issuer,
      subject: identity.subject,
      ...(identity.name === undefined ? {} : { name: identity.name }),
      roles: [...principal.roles],
      person: person && personId ? { id: personId, name: person.name, organisationId: person.organisationId } : null,
      ...(unlinked === undefined ? {} : { unlinked }),
      coreTeam: [...coreTeam],
      initiatives: personId === undefined ? [] : [...initiativesLedBy(this.runtime.readModels, personId)],
      tokenExpiresAt: new Date(identity.expiresAt).toISOString(),
    };
  }
}
