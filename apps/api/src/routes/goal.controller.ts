import { goalHistory, goalHistoryProjection } from "#projections";
import { Controller, Inject, Req, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { Commands } from "../http/commands.js";
import { Reads } from "../http/reads.js";
import type { MandatRequest } from "../http/request-context.js";
import { Route } from "../http/route-definition.js";
import { ifInitiativeKnown } from "./initiative-paths.js";
import { goalRoutes as routes } from "./goal.routes.js";

@Controller()
export class GoalController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(Reads) private readonly reads: Reads,
  ) {}

  @Route(routes.set)
  set(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.set, request, reply);
  }

  @Route(routes.revise)
  revise(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.revise, request, reply);
  }

  @Route(routes.achieve)
  achieve(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.achieve, request, reply);
  }

  @Route(routes.drop)
  drop(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.drop, request, reply);
  }

  @Route(routes.history)
  history(@Req() request: MandatRequest) {
    return this.reads.run(routes.history, request, ({ params, query }) =>
      ifInitiativeKnown([goalHistoryProjection], params.id, query.asOf, (db) => goalHistory(db, params.id, { asOf: query.asOf })),
    );
  }
}
