# syntax=docker/dockerfile:1
#
# Mandat API image. Two stages:
#   build   - installs every dependency (with the toolchain better-sqlite3 needs when no
#             prebuilt binding matches), compiles TypeScript to dist/, then prunes the
#             development dependencies so only production ones are left in node_modules.
#   runtime - the same Debian release and Node major as the build stage (the native binding
#             is ABI- and glibc-compatible), no compiler, runs as the unprivileged `node` user.
#
# Node 24, an LTS line supported until April 2028 (Node 20's support ended in April 2026);
# package.json "engines" asks for Node >= 20.19.
#
#   docker build -t mandat .
#   docker run --rm -p 127.0.0.1:3000:3000 -e AUTH_JWT_SECRET=... -v mandat-data:/data mandat

FROM node:24-bookworm-slim AS build

# python3, make and g++ let node-gyp compile better-sqlite3 when prebuild-install finds no
# prebuilt binary for this platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so source changes do not invalidate this layer.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# tsconfig.build.json compiles apps/*/src, libs/*/src and bench; rolldown.config.mjs bundles
# the server into dist/bundle/api.js, which the runtime stage runs (npm run build's postbuild).
COPY tsconfig.base.json tsconfig.build.json rolldown.config.mjs ./
COPY apps ./apps
COPY libs ./libs
COPY bench ./bench
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund


FROM node:24-bookworm-slim AS runtime

# HOST=0.0.0.0: in a container the server must listen on all interfaces (it binds 127.0.0.1
# otherwise). NODE_ENV=production refuses to start without AUTH_JWT_SECRET or
# AUTH_JWKS_URL + AUTH_ISSUER + AUTH_AUDIENCE (see API.md "Configuration").
# MANDAT_DEMO=off: the server loads the demo history into an empty log unless told not to,
# in production too, and an append-only log never lets that example data go again. A
# demo container can still ask for it with -e MANDAT_DEMO=on.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    MANDAT_DEMO=off \
    MANDAT_SQLITE_PATH=/data/mandat.sqlite \
    MANDAT_READ_MODELS_PATH=/data/read-models.sqlite \
    MANDAT_KEYS_PATH=/data/keys.sqlite

WORKDIR /app

# /data holds the embedded event log, the read models and the person keys by default.
# /keys is an optional mount point for a keys volume shared by several instances
# (docker-compose.yml sets MANDAT_KEYS_PATH=/keys/keys.sqlite). Both belong to `node`; a
# fresh named volume mounted there takes over that ownership.
RUN mkdir -p /data /keys \
 && chown node:node /data /keys

# Application files stay owned by root: the `node` user can read them, not change them.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

USER node

VOLUME ["/data"]

EXPOSE 3000

# Ready = 200 from GET /health/ready (503 while the read models catch up, and while the
# server drains at shutdown). Slim images have no curl: use Node's built-in fetch.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]

# Node is PID 1 and handles SIGTERM itself (finishes in-flight requests, closes the store).
CMD ["node", "dist/bundle/api.js"]
