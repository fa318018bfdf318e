import { governingContexts, governingContextsProjection, inOneSnapshot, organisation, organisations } from "#projections";
import { Controller, Inject, Req, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { readFrom } from "../cqrs/read-query.js";
import { Commands } from "../http/commands.js";
import { Reads } from "../http/reads.js";
import type { MandatRequest } from "../http/request-context.js";
import { Route } from "../http/route-definition.js";
import { organisationRoutes as routes } from "./organisation.routes.js";

@Controller()
export class OrganisationController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(Reads) private readonly reads: Reads,
  ) {}

  @Route(routes.register)
  register(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.register, request, reply);
  }

  @Route(routes.mapGoverningContext)
  mapGoverningContext(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.mapGoverningContext, request, reply);
  }

  @Route(routes.retireGoverningContext)
  retireGoverningContext(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.retireGoverningContext, request, reply);
  }

  @Route(routes.list)
  list(@Req() request: MandatRequest) {
    return this.reads.run(routes.list, request, () =>
      readFrom([governingContextsProjection], ({ readModels }) => organisations(readModels)),
    );
  }

  @Route(routes.governingContexts)
  governingContexts(@Req() request: MandatRequest) {
    // An organisation not registered as of asOf is unknown (404), not one without contexts.
    return this.reads.run(routes.governingContexts, request, ({ params, query: { asOf } }) =>
      readFrom([governingContextsProjection], ({ readModels }) =>
        inOneSnapshot(readModels, () =>
          organisation(readModels, params.id, { asOf }) ? governingContexts(readModels, params.id, { asOf }) : undefined,
        ),
      ),
    );
  }
}
