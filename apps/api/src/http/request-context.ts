import type { Principal } from "#domain";
import type { FastifyRequest } from "fastify";
import type { ParsedRequest } from "./route-definition.js";

/** What the guard and the validation leave on a request for its handler. */
export interface MandatRequest extends FastifyRequest {
  principal?: Principal;
  parsed?: ParsedRequest;
}

export const principalOf = (request: MandatRequest): Principal => {
  if (!request.principal) throw new Error("No principal: the route is missing from the auth guard's view");
  return request.principal;
};
