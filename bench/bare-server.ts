import { randomUUID } from "node:crypto";
import { EVENT_LOG_SCHEMA, applyPragmas } from "#event-store/sqlite";
import Database from "better-sqlite3";
import Fastify from "fastify";
import { jwtVerify } from "jose";

/**
 * The bare baseline of the HTTP bench (issue 16): what a Fastify route costs that does the
 * least the real server must do. Each request's bearer token is verified as the real server
 * verifies it in HS256 mode (jose, HS256 only, `exp` required: libs/platform/src/tokens.ts),
 * as it arrives (an onRequest hook, like apps/api/src/http/authenticate.ts); the rows go
 * into the event log's own table with the store's own pragmas (WAL, synchronous=FULL).
 *
 * - `POST /bare/rows`: inserts the JSON body as one row, one transaction (one fsync) per
 *   request; 201 `{ id }`.
 * - `GET /bare/rows/:id`: selects that row and answers its JSON as stored.
 *
 * Started by bench-server.ts as its own process, as the real server is; prints its URL.
 */
const path = process.env.BARE_SQLITE_PATH;
const secret = process.env.AUTH_JWT_SECRET;
if (!path || !secret) throw new Error("The bare server needs BARE_SQLITE_PATH and AUTH_JWT_SECRET");

const db = new Database(path);
applyPragmas(db);
db.exec(EVENT_LOG_SCHEMA);
const insert = db.prepare(
  `INSERT INTO events (event_id, stream_id, revision, type, schema_version, recorded_at, data, metadata, hash)
   VALUES (?, ?, 0, 'BareRowWritten', 1, ?, ?, '{}', '')`,
);
const select = db.prepare<[string], { data: string }>("SELECT data FROM events WHERE event_id = ?");

const key = new TextEncoder().encode(secret);
const app = Fastify({ logger: false });

app.addHook("onRequest", async (request, reply) => {
  const token = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  try {
    if (!token) throw new Error("no bearer token");
    await jwtVerify(token, key, { algorithms: ["HS256"], requiredClaims: ["exp"] });
  } catch {
    await reply.status(401).send({ error: "unauthenticated" });
  }
});

app.post("/bare/rows", async (request, reply) => {
  const id = randomUUID();
  insert.run(id, randomUUID(), new Date().toISOString(), JSON.stringify(request.body));
  return reply.status(201).send({ id });
});

app.get<{ Params: { id: string } }>("/bare/rows/:id", async (request, reply) => {
  const row = select.get(request.params.id);
  if (!row) return reply.status(404).send({ error: "not-found" });
  return reply.type("application/json; charset=utf-8").send(row.data);
});

const close = () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
};
process.on("SIGTERM", close);
process.on("SIGINT", close);

const url = await app.listen({ host: "127.0.0.1", port: 0 });
console.log(`The bare baseline is running at ${url}`);
