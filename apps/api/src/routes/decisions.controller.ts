import { decisionLog, decisionLogProjection } from "#projections";
import { Controller, Inject, Req } from "@nestjs/common";
import { readFrom } from "../cqrs/read-query.js";
import { Reads } from "../http/reads.js";
import type { MandatRequest } from "../http/request-context.js";
import { Route } from "../http/route-definition.js";
import { decisionRoutes as routes } from "./decisions.routes.js";

@Controller()
export class DecisionsController {
  constructor(@Inject(Reads) private readonly reads: Reads) {}

  @Route(routes.log)
  log(@Req() request: MandatRequest) {
    return this.reads.run(routes.log, request, ({ query }) =>
      readFrom([decisionLogProjection], ({ readModels }) => decisionLog(readModels, { from: query.from, to: query.to })),
    );
  }
}
