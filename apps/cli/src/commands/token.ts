import { ROLES, type Role } from "#domain";
import { jwtSecret, signToken } from "#platform";
import { cliConfig } from "../cli-context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

/** `mandat token --role <role> [--initiative <id>]... [--sub <id>]`: a development token, never in production. */
export async function token(options: { role?: string; initiative?: string[]; sub?: string }): Promise<ExitCode> {
  const config = cliConfig();
  if (config.production)
    throw new CliError(EXIT.noPermission, "Development tokens are refused in production (NODE_ENV=production)");
  if (config.auth.mode !== "hs256") {
    throw new CliError(
      EXIT.config,
      "The server verifies tokens against AUTH_JWKS_URL (OIDC): get tokens from that identity provider",
    );
  }
  const role = options.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new CliError(EXIT.usage, `--role must be one of ${ROLES.join(", ")}`);
  const initiatives = options.initiative ?? [];
  if (role === "initiative-lead" && initiatives.length === 0) {
    throw new CliError(EXIT.usage, "An initiative-lead token needs at least one --initiative <id>");
  }
  const sub = options.sub ?? `dev-${role}`;
  console.log(await signToken({ sub, name: `Development ${role}`, roles: [role], initiatives }, jwtSecret(config)));
  return EXIT.ok;
}
