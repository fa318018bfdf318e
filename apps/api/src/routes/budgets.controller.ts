import { budget, budgetsProjection } from "#projections";
import { Controller, Inject, Req, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { readFrom } from "../cqrs/read-query.js";
import { Commands } from "../http/commands.js";
import { Reads } from "../http/reads.js";
import type { MandatRequest } from "../http/request-context.js";
import { Route } from "../http/route-definition.js";
import { budgetRoutes as routes } from "./budgets.routes.js";

@Controller()
export class BudgetsController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(Reads) private readonly reads: Reads,
  ) {}

  @Route(routes.propose)
  propose(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.propose, request, reply);
  }

  @Route(routes.approve)
  approve(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.approve, request, reply);
  }

  @Route(routes.overview)
  overview(@Req() request: MandatRequest) {
    return this.reads.run(routes.overview, request, ({ params, query }) =>
      readFrom([budgetsProjection], ({ readModels }) => budget(readModels, params.focusArea, params.year, { asOf: query.asOf })),
    );
  }

  @Route(routes.amend)
  amend(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.amend, request, reply);
  }

  @Route(routes.recordExternalFunding)
  recordExternalFunding(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.recordExternalFunding, request, reply);
  }

  @Route(routes.recordValueReflection)
  recordValueReflection(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.recordValueReflection, request, reply);
  }
}
