import { Inject, Injectable } from "@nestjs/common";
import { QueryBus } from "@nestjs/cqrs";
import type { FastifyReply } from "fastify";
import { ReadQuery } from "../cqrs/read-query.js";
import { PagedAnswer, checkCursorList, nextLink } from "./pagination.js";
import { parseRequest } from "./parse-request.js";
import { notFound } from "./problems.js";
import { type MandatRequest, principalOf } from "./request-context.js";
import type { ReadRoute } from "./route-definition.js";

/**
 * Runs a read route's read on the bus, honouring minPosition; an undefined answer is 404.
 * A page of a list is answered as its items, with the next page in a Link header.
 */
@Injectable()
export class Reads {
  constructor(@Inject(QueryBus) private readonly bus: QueryBus) {}

  async run(route: ReadRoute, request: MandatRequest, reply: FastifyReply): Promise<unknown> {
    const parsed = parseRequest(route, request);
    checkCursorList(parsed.query, route.operationId);
    const minPosition = (parsed.query as { minPosition?: number }).minPosition;
    const answer = await this.bus.execute(new ReadQuery(route.read(parsed, principalOf(request)), minPosition));
    if (answer === undefined) throw notFound(`${request.url} does not exist`);
    if (!(answer instanceof PagedAnswer)) return answer;
    const link = nextLink(request.url, route.operationId, answer.page);
    if (link !== undefined) void reply.header("Link", link);
    return answer.page.items;
  }
}
