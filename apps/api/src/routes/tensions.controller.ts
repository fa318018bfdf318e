import { Controller, Inject, Req, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { Commands } from "../http/commands.js";
import type { MandatRequest } from "../http/request-context.js";
import { Route } from "../http/route-definition.js";
import { tensionRoutes as routes } from "./tensions.routes.js";

@Controller()
export class TensionsController {
  constructor(@Inject(Commands) private readonly commands: Commands) {}

  @Route(routes.raise)
  raise(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.raise, request, reply);
  }

  @Route(routes.changeIntensity)
  changeIntensity(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.changeIntensity, request, reply);
  }

  @Route(routes.escalate)
  escalate(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.escalate, request, reply);
  }

  @Route(routes.resolve)
  resolve(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.resolve, request, reply);
  }

  @Route(routes.drop)
  drop(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.drop, request, reply);
  }
}
