import { isRuleViolation } from "#domain";
import { Inject, Injectable } from "@nestjs/common";
import { CommandBus } from "@nestjs/cqrs";
import type { FastifyReply } from "fastify";
import { ExecuteCommand } from "../cqrs/execute-command.js";
import { parseRequest } from "./parse-request.js";
import { notFound } from "./problems.js";
import { type MandatRequest, principalOf } from "./request-context.js";
import { commandHeaders } from "./request-headers.js";
import type { RouteDefinition, WriteAnswer } from "./route-definition.js";

/**
 * Turns a command route's request into a command on the bus and its answer into the
 * response: API.md "Writes", 201 when created, with ETag and Log-Position.
 */
@Injectable()
export class Commands {
  constructor(@Inject(CommandBus) private readonly bus: CommandBus) {}

  async run(route: RouteDefinition, request: MandatRequest, reply: FastifyReply): Promise<WriteAnswer> {
    if (!route.command) throw new Error(`${route.operationId} is not a command route`);
    const parsed = parseRequest(route, request);
    const result = await this.bus
      .execute(
        new ExecuteCommand(route.command.spec, {
          input: route.command.input(parsed),
          principal: principalOf(request),
          ...commandHeaders(request),
        }),
      )
      .catch((error: unknown) => {
        // A goal or mandate the path names but the stream does not hold is an unknown resource.
        if (isRuleViolation(error) && route.unknownInPath?.includes(error._tag)) throw notFound(error.detail);
        throw error;
      });
    void reply
      .status(result.created ? 201 : 200)
      .header("ETag", `"${result.revision}"`)
      .header("Log-Position", String(result.position));
    return { id: result.id, revision: result.revision, position: result.position };
  }
}
