import type { FastifyInstance, FastifyRequest } from "fastify";
import { duplicateKeyPath } from "./duplicate-keys.js";
import { HttpProblem, invalidRequest } from "./problems.js";

/** A charset parameter, when the Content-Type names one (`; charset="UTF-8"`). */
const charsetOf = (contentType: string | undefined): string | undefined =>
  /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "")?.[1]?.toLowerCase();

const BYTE_ORDER_MARK = "\uFEFF";

/**
 * docs/api.md "Conventions": a body is JSON, UTF-8, and nothing else. Fastify's own parsers
 * (text/plain) and Nest's (form-encoded bodies, taken as if they were JSON objects) are
 * removed, so any other Content-Type is 415; a charset other than UTF-8 is 415 too, and a
 * byte order mark, which JSON (RFC 8259) forbids and a lenient parser skips, is 400, and
 * so is an object naming a key twice (RFC 8259 leaves its meaning open; duplicate-keys.ts).
 * Nest must be created with `bodyParser: false`, or it adds its parsers back.
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const parseJson = fastify.getDefaultJsonParser("error", "error");
  fastify.addContentTypeParser(
    "application/json",
    { parseAs: "string" },
    (request: FastifyRequest, body: string, done: (error: Error | null, body?: unknown) => void) => {
      const charset = charsetOf(request.headers["content-type"]);
      if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
        return done(
          new HttpProblem(
            "unsupported-media-type",
            `Send the body as application/json in UTF-8, not ${charset}`,
            {},
            {},
            `Skicka innehållet som application/json i UTF-8, inte ${charset}`,
          ),
        );
      }
      if (body.startsWith(BYTE_ORDER_MARK)) {
        return done(
          new HttpProblem("validation", "The body starts with a byte order mark", {
            errors: [{ path: "body", message: "JSON without a byte order mark", sv: "JSON utan byte order mark (BOM)" }],
          }),
        );
      }
      parseJson(request, body, (error, parsed) => {
        if (error) return done(parsesAsJson(body) ? prototypeKey() : error);
        const twice = duplicateKeyPath(body);
        if (twice !== undefined) {
          return done(invalidRequest([{ path: twice, message: "Give each field once", sv: "Ange varje fält en gång" }]));
        }
        done(null, parsed);
      });
    },
  );
}

/** Whether the text is JSON all the same: the parser refused it for a key, not its syntax. */
const parsesAsJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * The parser refuses `__proto__`, and `constructor` holding `prototype`, anywhere in a body:
 * such keys change objects' prototypes in code that copies them. No Mandat field is named so.
 */
const prototypeKey = () =>
  invalidRequest([
    {
      path: "body",
      message: "A field named __proto__, or constructor with prototype in it, is not accepted",
      sv: "Ett fält som heter __proto__, eller constructor med prototype i, tas inte emot",
    },
  ]);
