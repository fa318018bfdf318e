import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { fromFastify, sendProblem } from "../http/fastify-errors.js";

/** The folder holding package.json above `file`: the project, wherever the build put this module. */
function projectFolderOf(file: string): string {
  const parent = dirname(file);
  if (existsSync(join(parent, "package.json")) || parent === file) return parent;
  return projectFolderOf(parent);
}

/**
 * Where `npm run build` leaves the web app (Vite's output): dist/web in the project. Found
 * from the project folder, because this module runs from dist/apps/api/src/web/ as tsc left
 * it and from dist/bundle/chunks/ as the bundle holds it.
 */
export const WEB_APP_DIR = join(projectFolderOf(fileURLToPath(import.meta.url)), "dist", "web");

/** Paths that belong to the server: an unknown one there is the server's 404, never the app's page. */
const SERVER_PREFIXES = ["/api", "/docs", "/health", "/problems", "/metrics", "/auth"];

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

interface WebFile {
  readonly body: Buffer;
  readonly type: string;
}

/** Every file of the build, read once: a request can only ever name one of these, so no path escapes the folder. */
function readBuild(dir: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const url = `/${relative(dir, path).split(sep).join("/")}`;
    files.set(url, { body: readFileSync(path), type: CONTENT_TYPES[extname(path)] ?? "application/octet-stream" });
  }
  return files;
}

/** The path as the router matched it (`/%61pi` is `/api`); undefined for one that does not decode. */
const decoded = (path: string): string | undefined => {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
};

const underServerPath = (path: string): boolean =>
  SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * The web app at `/`, same origin as the API (so its session cookie and the CSP's 'self'
 * cover it). Vite's hashed assets (`/assets/…`) never change under their name: cached for a
 * year. Everything else, `index.html` above all, is revalidated on each visit, so a new
 * build is seen at once. An unknown path is one of the app's own pages (`/logga-in`,
 * `/initiativ/…`): it gets `index.html` and the app routes it, except under the server's
 * own prefixes, where the server's 404 problem answers as before. Without a build (the API
 * compiled alone) nothing is registered.
 */
export function registerWebApp(fastify: FastifyInstance, dir = WEB_APP_DIR): boolean {
  if (!existsSync(join(dir, "index.html"))) return false;
  const files = readBuild(dir);
  const index = files.get("/index.html")!;
  const send = (reply: FastifyReply, file: WebFile, immutable: boolean) =>
    reply
      .header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache")
      .type(file.type)
      .send(file.body);
  const maxSegment = fastify.initialConfig.maxParamLength ?? 100;
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = request.url.split("?")[0] ?? "/";
    const path = decoded(raw);
    if (path === undefined || underServerPath(path)) {
      // Without this catch-all the router itself refuses a path segment too long for a
      // parameter (414); with it, that path lands here, and must still be refused so.
      if (raw.split("/").some((segment) => segment.length > maxSegment)) {
        return sendProblem(request, reply, fromFastify({ code: "FST_ERR_MAX_PARAM_LENGTH" }));
      }
      return reply.callNotFound();
    }
    const file = files.get(path);
    if (file) return send(reply, file, path.startsWith("/assets/"));
    // A missing asset is a 404, not a page: a stale index.html must not get HTML for a script.
    if (path.startsWith("/assets/") || extname(path) !== "") return reply.callNotFound();
    return send(reply, index, false);
  };
  fastify.get("/", handler);
  fastify.get("/*", handler);
  return true;
}
