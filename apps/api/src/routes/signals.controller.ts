import { listSignals, signalInboxProjection } from "#projections";
import { Controller, Inject, Req, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { readFrom } from "../cqrs/read-query.js";
import { Commands } from "../http/commands.js";
import { Reads } from "../http/reads.js";
import type { MandatRequest } from "../http/request-context.js";
import { Route } from "../http/route-definition.js";
import { signalRoutes as routes } from "./signals.routes.js";

@Controller()
export class SignalsController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(Reads) private readonly reads: Reads,
  ) {}

  @Route(routes.submit)
  submit(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.submit, request, reply);
  }

  @Route(routes.list)
  list(@Req() request: MandatRequest) {
    return this.reads.run(routes.list, request, ({ query }) =>
      readFrom([signalInboxProjection], ({ readModels }) =>
        listSignals(readModels, { status: query.status, initiativeId: query.initiativeId, asOf: query.asOf }),
      ),
    );
  }

  @Route(routes.acknowledge)
  acknowledge(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.acknowledge, request, reply);
  }

  @Route(routes.answer)
  answer(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.answer, request, reply);
  }

  @Route(routes.withdraw)
  withdraw(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.withdraw, request, reply);
  }
}
