import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from "@nestjs/common";
import type { FastifyReply, FastifyRequest } from "fastify";
import { fromFastify, payloadTooLarge, problemResponseFor, unsupportedMediaType } from "./fastify-errors.js";
import { HttpProblem, notFound } from "./problems.js";

/** The one place errors become responses: application/problem+json, RFC 9457. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger("Problems");

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body, headers } = problemResponseFor(fromNest(error), request);
    if (status === 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void reply.status(status).headers(headers).type("application/problem+json").send(body);
  }
}

/**
 * Nest's own exceptions (an unknown route, a body Fastify refused) in our vocabulary. Nest
 * wraps Fastify's errors in an HttpException with the original as its cause: that cause
 * says which field is at fault (an invalid JSON body is the `body`).
 */
function fromNest(error: unknown): unknown {
  if (!(error instanceof HttpException)) return error;
  const fastify = fromFastify(error.cause);
  if (fastify) return fastify;
  switch (error.getStatus()) {
    case 404:
      return notFound(error.message);
    case 413:
      return payloadTooLarge();
    case 415:
      return unsupportedMediaType();
    case 400:
      return new HttpProblem("validation", error.message, { errors: [{ path: "", message: error.message }] });
    default:
      return new HttpProblem("request-refused", error.message, { status: error.getStatus() });
  }
}
