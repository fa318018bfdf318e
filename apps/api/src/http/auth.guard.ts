import { hasAnyRole } from "#domain";
import { type CanActivate, type ExecutionContext, Inject, Injectable } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import { MandatRuntime } from "../runtime/mandat-runtime.js";
import { authenticate } from "./authenticate.js";
import { forbidden } from "./problems.js";
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
    // A handler without a route definition is a mistake; it must not become public by it.
    if (!route) throw forbidden("This endpoint has no access rule");
    if (route.audience === "public") return true;
    const request = context.switchToHttp().getRequest<MandatRequest>();
    request.principal ??= await authenticate(request, this.runtime.verifyToken);
    if (route.audience !== "authenticated" && !hasAnyRole(request.principal, route.audience)) {
      throw forbidden(`${route.summary} needs one of the roles ${route.audience.join(", ")}`);
    }
    return true;
  }
}
