import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Where npm put swagger-ui-dist: its files are served as they are, nothing is fetched from elsewhere. */
const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

/**
 * Starts Swagger UI on the /docs page: a file, because the content security policy allows
 * scripts from this origin only, none inline. `validatorUrl: null`: Swagger UI would
 * otherwise send the document to an online validator, and /docs works offline.
 */
const INIT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/docs/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
  });
});
`;

export interface DocsAsset {
  readonly type: string;
  readonly body: Buffer | string;
}

/** The files /docs/assets/<file> serves, by name: only these; read once, at start. */
export function docsAssets(): ReadonlyMap<string, DocsAsset> {
  const file = (name: string, type: string): [string, DocsAsset] => [name, { type, body: readFileSync(join(SWAGGER_UI, name)) }];
  return new Map([
    file("swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
    file("swagger-ui.css", "text/css; charset=utf-8"),
    ["init.js", { type: "text/javascript; charset=utf-8", body: INIT }],
  ]);
}
