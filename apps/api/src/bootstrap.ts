// Nest reads the constructor parameter types TypeScript records as metadata: the polyfill
// must be loaded before any decorated class of ours is, and this module loads them all.
import "reflect-metadata";
import { loadDemoHistory } from "#application";
import { EventStore } from "#event-store";
import type { MandatConfig } from "#platform";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter, type NestFastifyApplication } from "@nestjs/platform-fastify";
import { Effect } from "effect";
import { AppModule } from "./app.module.js";
import { authenticateApiRequests } from "./http/authenticate.js";
import { Draining } from "./http/draining.js";
import { acceptJsonBodiesOnly } from "./http/json-bodies.js";
import { registerContentLanguage } from "./http/content-language.js";
import { registerPrivateAnswers } from "./http/private-answers.js";
import { registerSecurityHeaders } from "./http/security-headers.js";
import { fastifyOptions, guardIdleConnections } from "./http/server-limits.js";
import { NestJsonLogger } from "./observability/nest-json-logger.js";
import { operationsServerOptions, registerOperations } from "./operations.js";
import { MandatRuntime } from "./runtime/mandat-runtime.js";
import { registerWebApp } from "./web/web-app.js";
import { registerWebSession } from "./web/web-session.js";

/** How long the read models may take over the demo history before the start is given up. */
const DEMO_PROJECTION_TIMEOUT_MS = 60_000;

export interface RunningApi {
  readonly app: NestFastifyApplication;
  readonly runtime: MandatRuntime;
  readonly url: string;
  readonly demoLoaded: boolean;
  /** From now on, writes and readiness are refused 503 `shutting-down`; reads are answered (http/draining.ts). */
  readonly beginDraining: () => void;
  /** Stops accepting requests, lets in-flight ones finish, then closes the stores. */
  readonly close: () => Promise<void>;
}

export async function startApi(config: MandatConfig): Promise<RunningApi> {
  const runtime = await MandatRuntime.open(config);
  try {
    const demoLoaded = await loadDemoIfEmpty(runtime);
    // The runner started on the empty log and counts itself caught up with it: the server
    // listens (and /health says ok) only once the demo history is in the read models.
    if (demoLoaded && !(await runtime.readModelsAtHead(DEMO_PROJECTION_TIMEOUT_MS))) {
      throw new Error(`The read models did not take in the demo history within ${DEMO_PROJECTION_TIMEOUT_MS / 1000} s`);
    }
    const adapter = new FastifyAdapter({ ...fastifyOptions(config.http), ...operationsServerOptions(config.operations) });
    const fastify = adapter.getInstance();
    guardIdleConnections(fastify.server);
    acceptJsonBodiesOnly(fastify);
    await registerSecurityHeaders(fastify, config.http);
    registerContentLanguage(fastify);
    registerPrivateAnswers(fastify);
    const draining = new Draining();
    draining.register(fastify);
    registerOperations(fastify, runtime);
    // The web app's cookie session turns into a bearer token before authentication reads it.
    registerWebSession(fastify, runtime);
    fastify.addHook("onRequest", authenticateApiRequests(runtime.verifyToken, runtime.principals.resolve));
    registerWebApp(fastify);
    // bodyParser: false, or Nest adds its parsers back (json-bodies.ts).
    const app = await NestFactory.create<NestFastifyApplication>(AppModule.with(runtime), adapter, {
      logger: new NestJsonLogger(fastify.log),
      bodyParser: false,
    });
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      await app.close();
      throw error;
    }
    const address = app.getHttpServer().address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        draining.begin();
        await app.close();
        await runtime.close();
      })();
      return closing;
    };
    return { app, runtime, url, demoLoaded, beginDraining: () => draining.begin(), close };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

/** MANDAT_DEMO: the demo history goes into an empty log unless it is switched off. */
async function loadDemoIfEmpty(runtime: MandatRuntime): Promise<boolean> {
  if (!runtime.config.demo) return false;
  const head = await runtime.run(Effect.flatMap(EventStore, (store) => store.headPosition));
  if (head > 0) return false;
  await runtime.run(loadDemoHistory);
  return true;
}
