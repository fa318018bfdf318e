import { hasAnyRole } from "#domain";
import { type CanActivate, type ExecutionContext, Inject, Injectable } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import { MandatRuntime } from "../runtime/mandat-runtime.js";
import { forbidden, unauthenticated } from "./problems.js";
import type { MandatRequest } from "./request-context.js";
import { ROUTE, type RouteDefinition } from "./route-definition.js";

/**
 * Authentication and the route's roles, before anything else happens: no or a bad token
 * is 401, a role the route does not admit is 403. Narrower scopes (a lead's own
 * initiatives) are checked by the command pipeline before it decides.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(MandatRuntime) private readonly runtime: MandatRuntime,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.reflector.get<RouteDefinition | undefined>(ROUTE, context.getHandler());
    if (!route || route.audience === "public") return true;
    const request = context.switchToHttp().getRequest<MandatRequest>();
    const header = request.headers.authorization;
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw unauthenticated("Send a bearer token: Authorization: Bearer <JWT>");
    try {
      request.principal = await this.runtime.verifyToken(token);
    } catch (error) {
      throw unauthenticated(`The token was rejected: ${error instanceof Error ? error.message : "invalid"}`);
    }
    if (route.audience !== "authenticated" && !hasAnyRole(request.principal, route.audience)) {
      throw forbidden(`${route.summary} needs one of the roles ${route.audience.join(", ")}`);
    }
    return true;
  }
}
