import { type Principal, ROLES, type Role, hasAnyRole, mayIssue } from "#domain";
import { type CanActivate, type ExecutionContext, Inject, Injectable } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import { MandatRuntime } from "../runtime/mandat-runtime.js";
import type { SignedIn } from "../runtime/principal-resolver.js";
import { signIn } from "./authenticate.js";
import { forbidden } from "./problems.js";
import type { MandatRequest } from "./request-context.js";
import { API, ROUTE, type RouteDefinition } from "./route-definition.js";

/** How long a refusal waits for the read models to catch up with a write a moment ago. */
const CATCH_UP_MS = 2_000;

/**
 * Authentication and the route's roles, before anything else happens: no or a bad token
 * is 401, a role the route does not admit is 403. Roles come from the log as of this
 * request (see PrincipalResolver); which initiatives a lead may act for is checked by the
 * command pipeline against the initiatives' own streams.
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
    const resolve = this.runtime.principals.resolve;
    const signedIn = request.signedIn ?? (await signIn(request, this.runtime.verifyToken, resolve));
    if (route.audience === "signed-in") return true;
    const roles = route.audience === "authenticated" ? ROLES : route.audience;
    if (admits(route, signedIn.principal, roles)) return true;
    // The lead role is read from a view that may not have seen a write of a moment ago
    // (the lead was just assigned): look again once it has caught up, before refusing.
    if (signedIn.principal.personId !== undefined) {
      await this.runtime.readModelsAtHead(CATCH_UP_MS);
      const again = await resolve(signedIn.identity);
      request.signedIn = again;
      request.principal = again.principal;
      if (admits(route, again.principal, roles)) return true;
    }
    throw forbidden(refusal(signedIn, route, roles));
  }
}

/** A command that admits leads admits any person here: the pipeline checks whom they lead. */
const admits = (route: RouteDefinition, principal: Principal, roles: ReadonlyArray<Role>): boolean =>
  route.kind === "command" ? mayIssue(principal, roles) : hasAnyRole(principal, roles);

/** What the caller can do about it: a login nobody is linked to needs an administrator. */
function refusal(signedIn: SignedIn, route: RouteDefinition, roles: ReadonlyArray<Role>): string {
  const { issuer, subject } = signedIn.identity;
  // An admin or auditor of the identity provider is linked to no one either: what they lack is a role.
  switch (signedIn.principal.roles.length === 0 ? signedIn.unlinked : undefined) {
    case "not-linked":
      return (
        `Your login (issuer ${issuer}, subject ${subject}) is not linked to a person in Mandat, and the identity provider ` +
        `grants it no role here. Ask an administrator to link it: POST ${API}/people/{personId}/logins with ` +
        `{"issuer": "${issuer}", "subject": "${subject}"}. GET ${API}/me shows what the server knows of you.`
      );
    case "ambiguous":
      return `Your login is linked to more than one person; an administrator must unlink it from all but one (POST ${API}/people/{personId}/logins/removal)`;
    case "erased":
      return "The person your login is linked to has been erased";
    default:
      // The operation by its id: its summary is a sentence of its own, and read garbled here.
      return `${route.method} ${route.path} (${route.operationId}) needs one of the roles ${roles.join(", ")}`;
  }
}
