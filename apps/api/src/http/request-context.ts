import type { Principal } from "#domain";
import type { FastifyRequest } from "fastify";

/** What the guard leaves on a request for its handler: who is asking. */
export interface MandatRequest extends FastifyRequest {
  principal?: Principal;
}

export const principalOf = (request: MandatRequest): Principal => {
  if (!request.principal) throw new Error("No principal: the route is missing from the auth guard's view");
  return request.principal;
};
