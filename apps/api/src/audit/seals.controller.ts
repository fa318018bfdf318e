import { LogSealer, SealStore } from "#event-store";
import { Controller, Inject, Req, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { parseRequest } from "../http/parse-request.js";
import type { MandatRequest } from "../http/request-context.js";
import { Effect } from "effect";
import { API, Route, type RouteDefinition } from "../http/route-definition.js";
import { AUTH_PROBLEMS } from "../http/standard-problems.js";
import { MandatRuntime } from "../runtime/mandat-runtime.js";

/** docs/api.md "Seals": an auditor seals the log on demand; anyone may fetch the public keys. */
export const sealRoutes = {
  seal: {
    method: "POST",
    path: `${API}/audit/seals`,
    operationId: "sealLog",
    summary:
      "Seal the log as committed now: `{ position, eventCount, digest, sealedAt, keyId, signature }`, Ed25519 over the log digest, checkable with the public keys alone",
    kind: "own",
    tag: "Audit",
    audience: ["auditor", "admin"],
    status: 201,
    locationPath: `${API}/audit/seals`,
    // Nothing to say: an unknown field is 400, as everywhere.
    body: z.strictObject({}),
    problems: [...AUTH_PROBLEMS, "validation", "store-unavailable"],
  },
  keys: {
    method: "GET",
    path: "/.well-known/mandat-seal-keys.json",
    operationId: "sealKeys",
    summary: "The public keys of every seal key, current and retired, as a JWKS (RFC 7517; Ed25519 keys as in RFC 8037)",
    kind: "own",
    tag: "Audit",
    audience: "public",
    status: 200,
    problems: ["store-unavailable"],
  },
} satisfies Record<string, RouteDefinition>;

/** Seals on demand and the seal keys: not commands (a seal is no event of the log it seals). */
@Controller()
export class SealsController {
  constructor(@Inject(MandatRuntime) private readonly runtime: MandatRuntime) {}

  @Route(sealRoutes.seal)
  seal(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    parseRequest(sealRoutes.seal, request);
    // A seal has no page of its own: it is read in the list of seals, by the events it covers.
    void reply.header("Location", sealRoutes.seal.locationPath);
    return this.runtime.run(Effect.flatMap(LogSealer, (sealer) => sealer.seal));
  }

  @Route(sealRoutes.keys)
  keys() {
    return this.runtime.run(Effect.flatMap(SealStore, (store) => store.publicKeys));
  }
}
