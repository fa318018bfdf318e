import { Inject, Injectable } from "@nestjs/common";
import { QueryBus } from "@nestjs/cqrs";
import { type NamedRead, ReadQuery } from "../cqrs/read-query.js";
import { notFound } from "./problems.js";
import { parseRequest } from "./parse-request.js";
import type { MandatRequest } from "./request-context.js";
import type { ParsedRequest, RouteDefinition } from "./route-definition.js";

/** Runs a read route's query on the bus, honouring minPosition; undefined answers are 404. */
@Injectable()
export class Reads {
  constructor(@Inject(QueryBus) private readonly bus: QueryBus) {}

  async run<Answer>(
    route: RouteDefinition,
    request: MandatRequest,
    // Named, so that minPosition waits only for them: a read model the read does not use may lag or stop.
    read: (parsed: ParsedRequest) => NamedRead<Answer | undefined>,
  ): Promise<Answer> {
    const parsed = parseRequest(route, request);
    const minPosition = (parsed.query as { minPosition?: number }).minPosition;
    const answer = await this.bus.execute(new ReadQuery(read(parsed), minPosition));
    if (answer === undefined) throw notFound(`${request.url} does not exist`);
    return answer;
  }
}
