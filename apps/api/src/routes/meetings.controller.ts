import { decisionLogProjection, meeting } from "#projections";
import { Controller, Inject, Req, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { readFrom } from "../cqrs/read-query.js";
import { Commands } from "../http/commands.js";
import { Reads } from "../http/reads.js";
import type { MandatRequest } from "../http/request-context.js";
import { Route } from "../http/route-definition.js";
import { meetingRoutes as routes } from "./meetings.routes.js";

@Controller()
export class MeetingsController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(Reads) private readonly reads: Reads,
  ) {}

  @Route(routes.hold)
  hold(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.hold, request, reply);
  }

  @Route(routes.minutes)
  minutes(@Req() request: MandatRequest) {
    return this.reads.run(routes.minutes, request, ({ params }) =>
      readFrom([decisionLogProjection], ({ readModels }) => meeting(readModels, params.id)),
    );
  }

  @Route(routes.recordDecision)
  recordDecision(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.recordDecision, request, reply);
  }

  @Route(routes.recordComment)
  recordComment(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.recordComment, request, reply);
  }

  @Route(routes.agreeNextStep)
  agreeNextStep(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.agreeNextStep, request, reply);
  }

  @Route(routes.approve)
  approve(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.approve, request, reply);
  }

  @Route(routes.correct)
  correct(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.correct, request, reply);
  }
}
