import type { InputIssue } from "#application";
import { Inject, Injectable } from "@nestjs/common";
import { CommandBus } from "@nestjs/cqrs";
import type { FastifyReply } from "fastify";
import { ExecuteCommand } from "../cqrs/execute-command.js";
import { type FieldError, invalidRequest } from "./problems.js";
import { type MandatRequest, principalOf } from "./request-context.js";
import { commandHeaders } from "./request-headers.js";
import type { CommandRoute, WriteAnswer } from "./route-definition.js";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The command's input from its request: the body, and each path parameter as the input
 * field it carries. A body that names such a field itself is refused: the path says which
 * resource, once. The pipeline validates the whole input against the spec's schema.
 */
function commandInput(route: CommandRoute, request: MandatRequest): Record<string, unknown> {
  const body: unknown = request.body ?? {};
  if (!isObject(body)) throw invalidRequest([{ path: "body", message: "Invalid input: expected a JSON object" }]);
  const fromPath = Object.entries(route.pathFields);
  const twice = fromPath.filter(([, field]) => field in body);
  if (twice.length > 0) throw invalidRequest(twice.map(([, field]) => ({ path: `body.${field}`, message: "unknown field" })));
  const params = request.params as Record<string, string>;
  return { ...body, ...Object.fromEntries(fromPath.map(([parameter, field]) => [field, params[parameter]])) };
}

/** An input issue where the client put the value: `path.id` for a field the path carries, else `body.<field>`. */
const fieldError = (route: CommandRoute, { path, message, sv }: InputIssue): FieldError => {
  const [first, ...rest] = path.map(String);
  const parameter = Object.entries(route.pathFields).find(([, field]) => field === first)?.[0];
  const located = parameter === undefined ? ["body", ...path.map(String)] : ["path", parameter, ...rest];
  return { path: located.join("."), message, ...(sv === undefined ? {} : { sv }) };
};

/**
 * Turns a command route's request into a command on the bus and its answer into the
 * response: docs/api.md "Writes", 201 when created, with ETag and Log-Position.
 */
@Injectable()
export class Commands {
  constructor(@Inject(CommandBus) private readonly bus: CommandBus) {}

  async run(route: CommandRoute, request: MandatRequest, reply: FastifyReply): Promise<WriteAnswer> {
    const headers = commandHeaders(request);
    const envelope = { input: commandInput(route, request), principal: principalOf(request), ...headers };
    const result = await this.bus.execute(new ExecuteCommand(route.spec, envelope)).catch((error: unknown) => {
      const tagged = error as { readonly _tag?: string; readonly issues?: ReadonlyArray<InputIssue> };
      if (tagged._tag === "InvalidInput") throw invalidRequest(tagged.issues!.map((issue) => fieldError(route, issue)));
      throw error;
    });
    void reply
      .status(result.created ? 201 : 200)
      .header("ETag", `"${result.revision}"`)
      .header("Log-Position", String(result.position));
    if (result.created && route.location) {
      void reply.header("Location", route.location({ id: result.id, params: request.params as Record<string, string> }));
    }
    return { id: result.id, revision: result.revision, position: result.position };
  }
}
