import type { Principal } from "#domain";
import type { FastifyRequest } from "fastify";
import type { SignedIn } from "../runtime/principal-resolver.js";

/** What authentication leaves on a request for the guard and the handler: who is asking. */
export interface MandatRequest extends FastifyRequest {
  principal?: Principal;
  /** The token's identity and how the server resolved it (GET /me shows it). */
  signedIn?: SignedIn;
}

export const principalOf = (request: MandatRequest): Principal => {
  if (!request.principal) throw new Error("No principal: the route is missing from the auth guard's view");
  return request.principal;
};

export const signedInOf = (request: MandatRequest): SignedIn => {
  if (!request.signedIn) throw new Error("No sign-in: the route is missing from the auth guard's view");
  return request.signedIn;
};
