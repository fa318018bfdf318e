import type { FastifyReply, FastifyRequest } from "fastify";
import { HttpProblem, type Problem, preferredLanguage, toProblem } from "./problems.js";

/** docs/api.md "Errors": a body over 64 KiB is 413. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export const payloadTooLarge = () =>
  new HttpProblem(
    "payload-too-large",
    `The body exceeds ${BODY_LIMIT_BYTES / 1024} KiB`,
    {},
    {},
    `Innehållet är större än ${BODY_LIMIT_BYTES / 1024} KiB`,
  );
export const unsupportedMediaType = () =>
  new HttpProblem(
    "unsupported-media-type",
    "Send the body as application/json",
    {},
    {},
    "Skicka innehållet som application/json",
  );

/**
 * Errors Fastify raises before a request reaches a handler (body limits, JSON parsing), in
 * our vocabulary; undefined for anything else.
 */
export function fromFastify(error: unknown): HttpProblem | undefined {
  switch ((error as { code?: string } | undefined)?.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return payloadTooLarge();
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return unsupportedMediaType();
    case "FST_ERR_MAX_PARAM_LENGTH":
      return new HttpProblem("request-refused", "A path segment is longer than 100 characters", { status: 414 });
    case "FST_ERR_BAD_URL":
      return new HttpProblem("validation", "The path is not validly percent-encoded", {
        errors: [{ path: "path", message: "invalid percent-encoding" }],
      });
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      // In Swedish the detail is made of the errors' Swedish messages (problems.ts inLanguage).
      return new HttpProblem("validation", "The body is not valid JSON", {
        errors: [{ path: "body", message: "invalid JSON", sv: "ogiltig JSON" }],
      });
    default:
      return undefined;
  }
}

export function problemResponseFor(
  error: unknown,
  request: FastifyRequest,
): { status: number; body: Problem & { instance: string }; headers: Record<string, string> } {
  const { problem, headers } = toProblem(fromFastify(error) ?? error, preferredLanguage(request.headers["accept-language"]));
  return { status: problem.status, body: { ...problem, instance: request.url }, headers };
}

/** Answers a request with the problem for `error` from a Fastify hook or handler of our own. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const { status, body, headers } = problemResponseFor(error, request);
  return reply.status(status).headers(headers).type("application/problem+json").send(body);
}
