import { mandateHistory, mandateHistoryProjection } from "#projections";
import { Controller, Inject, Req, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { Commands } from "../http/commands.js";
import { Reads } from "../http/reads.js";
import type { MandatRequest } from "../http/request-context.js";
import { Route } from "../http/route-definition.js";
import { ifInitiativeKnown } from "./initiative-paths.js";
import { mandateRoutes as routes } from "./mandate.routes.js";

@Controller()
export class MandateController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(Reads) private readonly reads: Reads,
  ) {}

  @Route(routes.grant)
  grant(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.grant, request, reply);
  }

  @Route(routes.amend)
  amend(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.amend, request, reply);
  }

  @Route(routes.renew)
  renew(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.renew, request, reply);
  }

  @Route(routes.revoke)
  revoke(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.revoke, request, reply);
  }

  @Route(routes.history)
  history(@Req() request: MandatRequest) {
    return this.reads.run(routes.history, request, ({ params, query }) =>
      ifInitiativeKnown([mandateHistoryProjection], params.id, query.asOf, (db) => mandateHistory(db, params.id, { asOf: query.asOf })),
    );
  }
}
