import { checkIns, checkInsProjection } from "#projections";
import { Controller, Inject, Req, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { Commands } from "../http/commands.js";
import { Reads } from "../http/reads.js";
import type { MandatRequest } from "../http/request-context.js";
import { Route } from "../http/route-definition.js";
import { checkInRoutes as routes } from "./check-in.routes.js";
import { ifInitiativeKnown } from "./initiative-paths.js";

@Controller()
export class CheckInController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(Reads) private readonly reads: Reads,
  ) {}

  @Route(routes.hold)
  hold(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.hold, request, reply);
  }

  @Route(routes.agreeCadence)
  agreeCadence(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.agreeCadence, request, reply);
  }

  @Route(routes.list)
  list(@Req() request: MandatRequest) {
    return this.reads.run(routes.list, request, ({ params, query }) =>
      ifInitiativeKnown([checkInsProjection], params.id, query.asOf, (db) => checkIns(db, params.id, { asOf: query.asOf })),
    );
  }
}
