import { hasAnyRole } from "#domain";
import { Controller, Inject, Req, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { readFrom } from "../cqrs/read-query.js";
import { Commands } from "../http/commands.js";
import { Reads } from "../http/reads.js";
import { type MandatRequest, principalOf } from "../http/request-context.js";
import { Route } from "../http/route-definition.js";
import { describePeopleReadModels } from "#platform";
import { describePeople } from "../runtime/describe-people.js";
import { PEOPLE_ADMINISTRATORS, peopleRoutes as routes } from "./people.routes.js";

@Controller()
export class PeopleController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(Reads) private readonly reads: Reads,
  ) {}

  @Route(routes.register)
  register(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.register, request, reply);
  }

  @Route(routes.describe)
  describe(@Req() request: MandatRequest) {
    const mayReadEmail = hasAnyRole(principalOf(request), PEOPLE_ADMINISTRATORS);
    return this.reads.run(routes.describe, request, ({ params }) =>
      readFrom(describePeopleReadModels, async (runtime) => {
        const person = (await describePeople(runtime, [params.id])).get(params.id);
        // Without an organisation the id was never registered: describePeople names it "unknown".
        if (!person || person.organisationId === null) return undefined;
        const { personId, organisationId, name, email, erased } = person;
        return { id: personId, organisationId, name, ...(mayReadEmail && email !== undefined ? { email } : {}), erased };
      }),
    );
  }

  @Route(routes.erase)
  erase(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.erase, request, reply);
  }

  @Route(routes.startCoreTeamMembership)
  startCoreTeamMembership(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.startCoreTeamMembership, request, reply);
  }

  @Route(routes.endCoreTeamMembership)
  endCoreTeamMembership(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.endCoreTeamMembership, request, reply);
  }
}
