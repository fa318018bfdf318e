import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** The OpenAPI document as served at /docs/openapi.json. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, any>>;
}

/**
 * Checks answers against the schemas the document publishes, with a JSON Schema 2020-12
 * validator (OpenAPI 3.1's): what a typed client generated from the document relies on.
 */
export function openApiValidator(document: OpenApiDocument): {
  readonly answerSchema: (path: string, status?: number, method?: string) => ValidateFunction;
} {
  // OpenAPI's own keywords (x-problem-types, example) are not JSON Schema's: not strict.
  const validator = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(validator);
  validator.addSchema(document, "openapi");
  return {
    /** The schema of the JSON answer of `status` to `method` on `path` (a template: /initiatives/{id}). */
    answerSchema: (path, status = 200, method = "get") => {
      const pointer = ["paths", path, method, "responses", String(status), "content", "application/json", "schema"]
        .map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1"))
        .join("/");
      return validator.compile({ $ref: `openapi#/${pointer}` });
    },
  };
}
