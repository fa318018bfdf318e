import { EventStore, type RecordedEvent } from "#event-store";
import { type BeforeApplicationShutdown, Controller, Inject, Req, Res } from "@nestjs/common";
import { Effect, Fiber, Stream } from "effect";
import type { FastifyReply } from "fastify";
import { once } from "node:events";
import type { ServerResponse } from "node:http";
import { invalidRequest } from "../http/problems.js";
import type { MandatRequest } from "../http/request-context.js";
import { API, Route, type RouteDefinition } from "../http/route-definition.js";
import { MandatRuntime } from "../runtime/mandat-runtime.js";
import { AUTH_PROBLEMS } from "../http/standard-problems.js";

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

const KEEP_ALIVE_MS = 15_000;

/** The live feed of the log, straight from a subscription, so it never skips an event. */
@Controller()
export class LiveEventsController implements BeforeApplicationShutdown {
  private readonly open = new Set<ServerResponse>();

  constructor(@Inject(MandatRuntime) private readonly runtime: MandatRuntime) {}

  @Route(liveEventsRoute)
  async live(@Req() request: MandatRequest, @Res() reply: FastifyReply): Promise<void> {
    // Whatever can fail, fails before the response is hijacked: it is still answered as a problem.
    const from = await this.startPosition(request);
    const store = await this.runtime.run(EventStore);
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    response.write("retry: 2000\n\n");
    this.open.add(response);
    // Written at the pace the client reads: a slow reader, or one resuming from position 0,
    // holds the subscription back instead of piling the log up in memory.
    const feed = Effect.runFork(
      Stream.runForEach(store.subscribe({ fromPosition: from }), (event) => Effect.promise(() => send(response, frame(event)))),
    );
    // A feed that ends (the store went away) ends the response: the client reconnects with Last-Event-ID.
    feed.addObserver(() => response.end());
    const keepAlive = setInterval(() => response.write(": keep-alive\n\n"), KEEP_ALIVE_MS).unref();
    response.on("close", () => {
      clearInterval(keepAlive);
      this.open.delete(response);
      Effect.runFork(Fiber.interrupt(feed));
    });
  }

  /** Open feeds would hold the server open forever: end them so shutdown can drain the rest. */
  beforeApplicationShutdown(): void {
    for (const response of this.open) response.end();
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

const send = (response: ServerResponse, text: string): Promise<void> =>
  response.write(text) || response.writableEnded ? Promise.resolve() : once(response, "drain").then(() => undefined);

const frame = (event: RecordedEvent): string =>
  `id: ${event.position}\ndata: ${JSON.stringify({ type: event.type, streamId: event.streamId, position: event.position })}\n\n`;
