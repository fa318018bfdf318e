import { Controller, Inject, Req, Res, type Type } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { Commands } from "./commands.js";
import { Reads } from "./reads.js";
import type { MandatRequest } from "./request-context.js";
import { type CommandRoute, type ReadRoute, Route } from "./route-definition.js";

/**
 * One Nest controller serving every command and read route of the table, generated from
 * the routes themselves: a route is data, and nothing hand-written has to be kept in step
 * with it. Each route becomes a method named by its operationId, decorated exactly as a
 * hand-written one would be.
 */
export function controllerServing(routes: ReadonlyArray<CommandRoute | ReadRoute>): Type<unknown> {
  @Controller()
  class RouteTableController {
    constructor(
      @Inject(Commands) readonly commands: Commands,
      @Inject(Reads) readonly reads: Reads,
    ) {}
  }
  const prototype = RouteTableController.prototype as unknown as Record<string, unknown>;
  for (const route of routes) {
    const name = route.operationId;
    if (name in prototype) throw new Error(`Two routes share the operationId ${name}`);
    prototype[name] =
      route.kind === "command"
        ? function (this: RouteTableController, request: MandatRequest, reply: FastifyReply) {
            return this.commands.run(route, request, reply);
          }
        : function (this: RouteTableController, request: MandatRequest, reply: FastifyReply) {
            return this.reads.run(route, request, reply);
          };
    Req()(prototype, name, 0);
    Res({ passthrough: true })(prototype, name, 1);
    Route(route)(prototype, name, Object.getOwnPropertyDescriptor(prototype, name)!);
  }
  return RouteTableController;
}
