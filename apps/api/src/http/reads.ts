import { Inject, Injectable } from "@nestjs/common";
import { QueryBus } from "@nestjs/cqrs";
import type { FastifyReply } from "fastify";
import { ReadQuery, readFrom } from "../cqrs/read-query.js";
import { appliedPosition, entityTag, holdsTag, streamRevisionAt } from "./entity-tags.js";
import { PagedAnswer, checkCursorList, nextLink } from "./pagination.js";
import { parseRequest } from "./parse-request.js";
import { notFound } from "./problems.js";
import { type MandatRequest, principalOf } from "./request-context.js";
import type { ReadRoute } from "./route-definition.js";

/**
 * Runs a read route's read on the bus, honouring minPosition; an undefined answer is 404.
 * A page of a list is answered as its items, with the next page in a Link header. Any other
 * answer, a read of one resource, carries an ETag (entity-tags.ts), and is 304 without a body
 * when If-None-Match names it.
 */
@Injectable()
export class Reads {
  constructor(@Inject(QueryBus) private readonly bus: QueryBus) {}

  async run(route: ReadRoute, request: MandatRequest, reply: FastifyReply): Promise<unknown> {
    const parsed = parseRequest(route, request);
    checkCursorList(parsed.query, route.operationId);
    const { minPosition, asOf } = parsed.query as { minPosition?: number; asOf?: string };
    const named = route.read(parsed, principalOf(request));
    const streamId = route.stream?.(parsed.params);
    // After the wait for minPosition, as the read itself: the revision is that of what it reads.
    const withRevision = readFrom(named.readModels, async (runtime) => {
      const position = appliedPosition(runtime, named.readModels);
      const answer = await named(runtime);
      const stateOfOne = streamId !== undefined && answer !== undefined && !(answer instanceof PagedAnswer);
      return { answer, revision: stateOfOne ? await streamRevisionAt(runtime, streamId, position, asOf) : undefined };
    });
    const { answer, revision } = await this.bus.execute(new ReadQuery(withRevision, minPosition));
    if (answer === undefined) throw notFound(`${request.url} does not exist`, `${request.url} finns inte`);
    if (answer instanceof PagedAnswer) {
      const link = nextLink(request.url, route.operationId, answer.page);
      if (link !== undefined) void reply.header("Link", link);
      return answer.page.items;
    }
    const tag = entityTag(answer, revision);
    void reply.header("ETag", tag);
    if (!holdsTag(request.headers["if-none-match"], tag)) return answer;
    void reply.status(304);
    return undefined;
  }
}
