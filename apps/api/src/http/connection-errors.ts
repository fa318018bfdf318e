import { STATUS_CODES, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { GENERIC_PROBLEMS, type GenericProblem, type Problem, problemType } from "./problems.js";

/**
 * What goes wrong on a connection before, or instead of, a request Fastify can route: a
 * client too slow with its headers or body (408), headers too large (431), bytes that are
 * not HTTP (400), a connection that went quiet. Node hands these to the server with the
 * socket only, so the answer is written onto the socket, as problem+json, in English (the
 * Accept-Language header may be the part that never arrived), and the connection closes.
 */

/** The response the socket is serving now, if any (Node's own field; it has no public accessor). */
const currentResponse = (socket: Socket): ServerResponse | undefined =>
  (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage ?? undefined;

function writeProblem(socket: Socket, name: GenericProblem, status: number, detail: string): void {
  const response = currentResponse(socket);
  if (socket.writable && !response?.headersSent) {
    const problem: Problem = {
      type: problemType(name),
      title: GENERIC_PROBLEMS[name].title.en,
      status,
      detail,
      ...(response?.req?.url ? { instance: response.req.url } : {}),
    };
    const body = JSON.stringify(problem);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        "Content-Type: application/problem+json\r\n" +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        "Connection: close\r\n\r\n" +
        body,
    );
  }
  socket.destroy();
}

/** Fastify's `clientErrorHandler`: Node's clientError event, answered in our format. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // The client has gone: there is nobody to answer.
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  switch (error.code) {
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return writeProblem(socket, "request-timeout", 408, "The request did not arrive in time; the connection is closed");
    case "HPE_HEADER_OVERFLOW":
      return writeProblem(socket, "request-refused", 431, "The request's headers are too large");
    default:
      return writeProblem(socket, "request-refused", 400, "The request is not valid HTTP");
  }
}

/**
 * The server's `timeout` event: nothing moved on the socket for the idle timeout. A request
 * whose body stopped coming is answered 408; a connection between requests, or an answer
 * the client stopped reading, is closed; a request the server is still working on is left
 * to finish (the client is waiting for us, not we for it).
 */
export function closeIdleConnection(socket: Socket): void {
  const response = currentResponse(socket);
  if (response && !response.headersSent && response.req.complete) return;
  if (response && !response.headersSent) {
    return writeProblem(socket, "request-timeout", 408, "Nothing arrived for too long; the connection is closed");
  }
  socket.destroy();
}
