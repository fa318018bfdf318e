import type { FastifyRequest } from "fastify";
import { HttpProblem, type Problem, preferredLanguage, toProblem } from "./problems.js";

/** Errors Fastify raises before a request reaches Nest (body limits, JSON parsing), in our vocabulary. */
export function fromFastify(error: unknown): unknown {
  switch ((error as { code?: string } | undefined)?.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new HttpProblem("payload-too-large", "The body exceeds 64 KiB");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new HttpProblem("unsupported-media-type", "Send the body as application/json");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new HttpProblem("validation", "The body is not valid JSON", { errors: [{ path: "body", message: "invalid JSON" }] });
    default:
      return error;
  }
}

export function problemResponseFor(
  error: unknown,
  request: FastifyRequest,
): { status: number; body: Problem & { instance: string }; headers: Record<string, string> } {
  const { problem, headers } = toProblem(fromFastify(error), preferredLanguage(request.headers["accept-language"]));
  return { status: problem.status, body: { ...problem, instance: request.url }, headers };
}
