import { Inject, Injectable } from "@nestjs/common";
import { QueryBus } from "@nestjs/cqrs";
import type { FastifyReply } from "fastify";
import { ReadQuery, readFrom } from "../cqrs/read-query.js";
import { AnswerCache } from "./answer-cache.js";
import { appliedPosition, entityTag, holdsTag, streamRevisionAt } from "./entity-tags.js";
import type { Page } from "#projections";
import { PagedAnswer, checkCursorList, nextLink } from "./pagination.js";
import { parseRequest } from "./parse-request.js";
import { notFound } from "./problems.js";
import { type MandatRequest, principalOf } from "./request-context.js";
import type { ReadRoute } from "./route-definition.js";

/** A read's answer: none (404), a page of a list, or one resource, as the JSON text sent and its ETag. */
type Answered =
  | { readonly kind: "none" }
  | { readonly kind: "page"; readonly page: Page<unknown> }
  | { readonly kind: "one"; readonly json: string; readonly tag: string };

/** What Fastify answers an object as. */
const JSON_TYPE = "application/json; charset=utf-8";

/**
 * Runs a read route's read on the bus, honouring minPosition; an undefined answer is 404.
 * A page of a list is answered as its items, with the next page in a Link header. Any other
 * answer, a read of one resource, carries an ETag (entity-tags.ts), and is 304 without a body
 * when If-None-Match names it. The answer of a `cacheable` route is kept (answer-cache.ts).
 */
@Injectable()
export class Reads {
  constructor(@Inject(QueryBus) private readonly bus: QueryBus) {}

  private readonly answers = new AnswerCache();

  async run(route: ReadRoute, request: MandatRequest, reply: FastifyReply): Promise<unknown> {
    const parsed = parseRequest(route, request);
    checkCursorList(parsed.query, route.operationId);
    const { minPosition, asOf } = parsed.query as { minPosition?: number; asOf?: string };
    const named = route.read(parsed, principalOf(request));
    const streamId = route.stream?.(parsed.params);
    // After the wait for minPosition, as the read itself: the revision is that of what it reads.
    const read = readFrom(named.readModels, (runtime) => {
      const position = appliedPosition(runtime, named.readModels);
      return this.answers.answer(route, parsed, runtime, position, async (): Promise<Answered> => {
        const answer = await named(runtime);
        if (answer === undefined) return { kind: "none" };
        if (answer instanceof PagedAnswer) return { kind: "page", page: answer.page };
        const revision = streamId === undefined ? undefined : await streamRevisionAt(runtime, streamId, position, asOf);
        const json = JSON.stringify(answer);
        return { kind: "one", json, tag: entityTag(json, revision) };
      });
    });
    const answered = await this.bus.execute(new ReadQuery(read, minPosition));
    if (answered.kind === "none") throw notFound(`${request.url} does not exist`, `${request.url} finns inte`);
    if (answered.kind === "page") {
      const link = nextLink(request.url, route.operationId, answered.page);
      if (link !== undefined) void reply.header("Link", link);
      return answered.page.items;
    }
    void reply.header("ETag", answered.tag);
    if (!holdsTag(request.headers["if-none-match"], answered.tag)) {
      // Sent as it was serialised for the tag: Fastify sends a JSON text of this type as is.
      void reply.type(JSON_TYPE);
      return answered.json;
    }
    void reply.status(304);
    return undefined;
  }
}
