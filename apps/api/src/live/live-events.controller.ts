import type { OutgoingHttpHeaders } from "node:http";
import { EventStore } from "#event-store";
import { Controller, Inject, Req, Res } from "@nestjs/common";
import { Effect } from "effect";
import type { FastifyReply } from "fastify";
import { invalidRequest } from "../http/problems.js";
import { type MandatRequest, principalOf, signedInOf } from "../http/request-context.js";
import { whenDue } from "./when-due.js";
import { API, Route, type RouteDefinition } from "../http/route-definition.js";
import { MandatRuntime } from "../runtime/mandat-runtime.js";
import { AUTH_PROBLEMS } from "../http/standard-problems.js";
import { LiveFeeds } from "./live-feeds.js";

export const liveEventsRoute = {
  kind: "own",
  method: "GET",
  path: `${API}/events/live`,
  operationId: "liveEvents",
  summary:
    "Server-Sent Events: one `data: { type, streamId, position }` per new event, `id:` its position; send Last-Event-ID to resume after it",
  tag: "Events",
  audience: "authenticated",
  status: 200,
  problems: [...AUTH_PROBLEMS, "validation", "store-unavailable"],
} satisfies RouteDefinition;

/**
 * The live feed of the log. Each feed is one of LiveFeeds, fed from the one subscription
 * they share, so it never skips an event; a principal, and the server, may hold only so
 * many (429 beyond).
 */
@Controller()
export class LiveEventsController {
  constructor(
    @Inject(MandatRuntime) private readonly runtime: MandatRuntime,
    @Inject(LiveFeeds) private readonly feeds: LiveFeeds,
  ) {}

  @Route(liveEventsRoute)
  async live(@Req() request: MandatRequest, @Res() reply: FastifyReply): Promise<void> {
    // Whatever can fail, fails before the response is hijacked: it is still answered as a problem.
    const from = await this.startPosition(request);
    await this.feeds.ensureSubscribed();
    const principal = principalOf(request);
    // Admitted, hijacked and opened in one turn: concurrent opens cannot slip past a cap.
    this.feeds.admit(principal.id);
    reply.hijack();
    const response = reply.raw;
    // What the onRequest hooks set on the reply (security headers, Content-Language, the
    // request id) goes with the stream's head: hijacked, the reply sends nothing of its own.
    // Names in lower case, as the reply keeps them, so that none is sent twice.
    response.writeHead(200, {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      "x-request-id": request.id,
    });
    response.write("retry: 2000\n\n");
    const feed = this.feeds.open(principal.id, response, from, request.log);
    // A feed ends when its token does; the client reconnects with a fresh one and Last-Event-ID.
    const expiry = whenDue(signedInOf(request).identity.expiresAt, () => feed.end());
    response.once("close", () => expiry.cancel());
  }

  private async startPosition(request: MandatRequest): Promise<number> {
    const lastEventId = request.headers["last-event-id"];
    if (lastEventId === undefined) {
      return (await this.runtime.run(Effect.flatMap(EventStore, (store) => store.headPosition))) + 1;
    }
    const position = Number(lastEventId);
    if (!Number.isInteger(position) || position < 0) {
      throw invalidRequest([{ path: "header.Last-Event-ID", message: "a log position" }]);
    }
    return position + 1;
  }
}
