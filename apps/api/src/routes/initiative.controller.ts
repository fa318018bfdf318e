import {
  governingContextsProjection,
  initiativeContexts,
  initiativeOverview,
  initiativeOverviewProjection,
  initiativeOverviewReadModels,
  listInitiatives,
  tensionTimeline,
  tensionTimelineProjection,
} from "#projections";
import { Controller, Inject, Req, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { readFrom } from "../cqrs/read-query.js";
import { Commands } from "../http/commands.js";
import { Reads } from "../http/reads.js";
import type { MandatRequest } from "../http/request-context.js";
import { Route } from "../http/route-definition.js";
import { today } from "../http/time-parameters.js";
import { describePeopleReadModels } from "#platform";
import { describePeople } from "../runtime/describe-people.js";
import { ifInitiativeKnown } from "./initiative-paths.js";
import { initiativeRoutes as routes, timelineRange } from "./initiative.routes.js";

@Controller()
export class InitiativeController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(Reads) private readonly reads: Reads,
  ) {}

  @Route(routes.register)
  register(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.register, request, reply);
  }

  @Route(routes.list)
  list(@Req() request: MandatRequest) {
    return this.reads.run(routes.list, request, ({ query }) =>
      readFrom([initiativeOverviewProjection], ({ readModels }) => listInitiatives(readModels, { asOf: query.asOf })),
    );
  }

  @Route(routes.overview)
  overview(@Req() request: MandatRequest) {
    return this.reads.run(routes.overview, request, ({ params, query }) =>
      readFrom([...initiativeOverviewReadModels, ...describePeopleReadModels], async (runtime) => {
        const overview = initiativeOverview(runtime.readModels, params.id, { asOf: query.asOf, at: query.at ?? today() });
        if (!overview) return undefined;
        const people = await describePeople(runtime, overview.leads.map((lead) => lead.personId));
        return {
          ...overview,
          leads: overview.leads.map((lead) => ({ ...lead, name: people.get(lead.personId)!.name })),
        };
      }),
    );
  }

  @Route(routes.assignLead)
  assignLead(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.assignLead, request, reply);
  }

  @Route(routes.unassignLead)
  unassignLead(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.unassignLead, request, reply);
  }

  @Route(routes.linkGoverningContext)
  linkGoverningContext(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.linkGoverningContext, request, reply);
  }

  @Route(routes.unlinkGoverningContext)
  unlinkGoverningContext(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.unlinkGoverningContext, request, reply);
  }

  @Route(routes.governingContexts)
  governingContexts(@Req() request: MandatRequest) {
    return this.reads.run(routes.governingContexts, request, ({ params, query }) =>
      ifInitiativeKnown([governingContextsProjection], params.id, query.asOf, (db) =>
        initiativeContexts(db, params.id, { asOf: query.asOf }),
      ),
    );
  }

  @Route(routes.close)
  close(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.commands.run(routes.close, request, reply);
  }

  @Route(routes.tensionTimeline)
  tensionTimeline(@Req() request: MandatRequest) {
    return this.reads.run(routes.tensionTimeline, request, ({ params, query }) =>
      ifInitiativeKnown([tensionTimelineProjection], params.id, undefined, (db) =>
        tensionTimeline(db, params.id, { ...timelineRange(query), bucket: query.bucket }),
      ),
    );
  }
}
