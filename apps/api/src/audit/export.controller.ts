import { Readable } from "node:stream";
import { anId } from "#domain";
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  type ExportSelection,
  RawEventStore,
  exportFileName,
  exportStream,
} from "#platform";
import { Controller, Inject, Req, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { Effect, Stream } from "effect";
import { z } from "zod";
import { parseRequest } from "../http/parse-request.js";
import { periodInOrder } from "../http/period-in-order.js";
import { recordedInstant } from "../http/time-parameters.js";
import type { MandatRequest } from "../http/request-context.js";
import { API, Route, type RouteDefinition } from "../http/route-definition.js";
import { AUTH_PROBLEMS } from "../http/standard-problems.js";
import { MandatRuntime } from "../runtime/mandat-runtime.js";

/** Recorded time as `mandat export --from/--to` takes it: an instant with its offset, or a date meaning the start (`from`) or end (`to`) of that day in Stockholm. */
const recordedTime = (edge: "start" | "end") =>
  recordedInstant(edge)
    .optional()
    .describe(
      `Recorded time, inclusive: an instant with its offset, or a date meaning the ${edge} of that day in Stockholm; default: the ${edge === "start" ? "start of the log" : "head"}`,
    );

const exportQuery = periodInOrder(
  z.strictObject({
    format: z
      .enum(EXPORT_FORMATS)
      .default("jsonl")
      .describe("`jsonl` (one envelope per line) or `csv` (for Excel); default jsonl"),
    initiativeId: anId()
      .optional()
      .describe("Only this initiative's events: its own stream, and the streams of the signals and tensions about it"),
    from: recordedTime("start"),
    to: recordedTime("end"),
  }),
);

/** docs/api.md "Audit": the log as `mandat export` writes it, for auditors. */
export const exportRoute = {
  method: "GET",
  path: `${API}/audit/export`,
  operationId: "exportLog",
  summary:
    "The log as stored, with full envelopes and hashes, as `mandat export` writes it: JSON lines (application/x-ndjson) or CSV for Excel (UTF-8 with BOM, `;`, CRLF); `initiativeId` narrows it to one initiative's streams, `from`, `to` to a period of recorded time",
  kind: "own",
  tag: "Audit",
  audience: ["auditor", "admin"],
  status: 200,
  query: exportQuery,
  problems: [...AUTH_PROBLEMS, "validation", "store-unavailable"],
} satisfies RouteDefinition;

@Controller()
export class ExportController {
  constructor(@Inject(MandatRuntime) private readonly runtime: MandatRuntime) {}

  /**
   * Streamed: one read batch at a time, each read once the one before was sent. The store is
   * read once before the answer starts, so a store that is down is still a problem (503); one
   * that fails half-way through ends the answer early.
   */
  @Route(exportRoute)
  async export(@Req() request: MandatRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { format, ...narrowing } = parseRequest(exportRoute, request).query as z.output<typeof exportQuery>;
    const selection: ExportSelection = Object.fromEntries(
      Object.entries(narrowing).filter(([, value]) => value !== undefined),
    ) as ExportSelection;
    const store = await this.runtime.run(Effect.flatMap(RawEventStore, (raw) => Effect.as(raw.headPosition, raw)));
    const text = Stream.map(exportStream(store, format, selection), (chunk) => chunk.text);
    void reply
      .type(EXPORT_CONTENT_TYPES[format])
      .header("Content-Disposition", `attachment; filename="${exportFileName(format, selection, new Date())}"`)
      .header("Cache-Control", "no-store");
    return Readable.from(Stream.toAsyncIterable(text), { objectMode: false });
  }
}
