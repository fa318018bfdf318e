import { periodInOrder } from "../http/period-in-order.js";
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isoDate } from "#domain";
import { EventStore } from "#event-store";
import { archivalPackage, archiveContents, writePackageTar } from "#platform";
import { Controller, Inject, Req, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { Effect } from "effect";
import { z } from "zod";
import { parseRequest } from "../http/parse-request.js";
import { readModelBehind } from "../http/problems.js";
import type { MandatRequest } from "../http/request-context.js";
import { API, Route, type RouteDefinition } from "../http/route-definition.js";
import { AUTH_PROBLEMS } from "../http/standard-problems.js";
import { MandatRuntime } from "../runtime/mandat-runtime.js";

/** How long the archive waits for the read models its renderings read to reach the log's head. */
const READ_MODELS_TIMEOUT_MS = 30_000;

/** docs/api.md "Audit": the archival package, for auditors, as `mandat archive` writes it. */
export const archiveRoute = {
  method: "GET",
  path: `${API}/audit/archive`,
  operationId: "archivalPackage",
  summary:
    "The whole log as an E-ARK SIP (CSIP 2.2) in one ustar file (application/x-tar): the log with its seals and keys, the minutes and mandate histories as HTML, PREMIS and METS; `from`, `to` narrow the minutes rendered to meetings held then",
  kind: "own",
  tag: "Audit",
  audience: ["auditor", "admin"],
  status: 200,
  query: periodInOrder(
    z.strictObject({
      from: isoDate.optional().describe("Minutes of meetings held on or after this day; default: all"),
      to: isoDate.optional().describe("Minutes of meetings held on or before this day; default: all"),
    }),
  ),
  problems: [...AUTH_PROBLEMS, "validation", "read-model-behind", "store-unavailable"],
} satisfies RouteDefinition;

@Controller()
export class ArchiveController {
  constructor(@Inject(MandatRuntime) private readonly runtime: MandatRuntime) {}

  @Route(archiveRoute)
  async archive(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { from, to } = parseRequest(archiveRoute, request).query as { from?: string; to?: string };
    if (!(await this.runtime.readModelsAtHead(READ_MODELS_TIMEOUT_MS)))
      throw readModelBehind(await this.runtime.run(Effect.flatMap(EventStore, (store) => store.headPosition)));
    const objectId = `mandat-sip-${randomUUID()}`;
    const work = await mkdtemp(join(tmpdir(), "mandat-archive-"));
    const tar = join(work, `${objectId}.tar`);
    try {
      const contents = await this.runtime.run(
        archiveContents({
          objectId,
          created: new Date().toISOString(),
          logFile: join(work, "events.jsonl"),
          readModels: this.runtime.readModels,
          ...(from === undefined ? {} : { from }),
          ...(to === undefined ? {} : { to }),
        }),
      );
      await writePackageTar(tar, objectId, archivalPackage(contents));
    } catch (error) {
      await rm(work, { recursive: true, force: true });
      throw error;
    }
    const body = createReadStream(tar);
    // The package exists only for this answer: gone once sent, or once the client went away.
    body.on("close", () => void rm(work, { recursive: true, force: true }));
    void reply.type("application/x-tar").header("Content-Disposition", `attachment; filename="${objectId}.tar"`);
    return body;
  }
}
