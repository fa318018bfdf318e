type Json = Record<string, unknown>;

const escape = (text: unknown): string =>
  String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The only inline styling of the server's pages (the /docs listing without scripts, the
 * /problems pages), inline so each page stays one answer; the content security policy
 * allows exactly this text by its hash (http/security-headers.ts), and no other inline style.
 */
export const DOCS_PAGE_STYLE = `
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h2{border-bottom:1px solid #ccc;padding-bottom:.3rem;margin-top:2.5rem}section{margin:1.2rem 0;padding:.6rem 1rem;border-left:3px solid #ddd}
.method{display:inline-block;min-width:3.5rem;font-size:.8rem;padding:.1rem .4rem;border-radius:.2rem;color:#fff;text-align:center}
.get{background:#2f6f3e}.post{background:#1f4f8f}code{background:#f3f3f3;padding:0 .2rem}.problems{font-size:.85rem;color:#555}pre{overflow:auto}
`;

/**
 * The /docs page: Swagger UI (swagger-ui-dist, served by this server from its npm
 * distribution, docs-assets.ts) renders the OpenAPI document. The content security policy
 * allows no inline script, so Swagger UI is started by a served file, /docs/assets/init.js.
 * Without scripts the page still lists every endpoint (the listing below, in <noscript>).
 */
export function docsPage(document: Json): string {
  const info = document.info as Json;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(info.title)}</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<noscript><style>${DOCS_PAGE_STYLE}</style></noscript></head><body>
<div id="swagger-ui"></div>
<noscript>${endpointListing(document)}</noscript>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body></html>`;
}

/**
 * A plain listing of the OpenAPI document: the endpoints by tag with their roles,
 * parameters and problem types, for a browser without scripts.
 */
function endpointListing(document: Json): string {
  const paths = document.paths as Record<string, Record<string, Json>>;
  const byTag = new Map<string, string[]>();
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const tag = (operation.tags as string[])[0] ?? "Other";
      const parameters = ((operation.parameters as Json[] | undefined) ?? [])
        .map((p) => `<code>${escape(p.name)}</code> <small>(${escape(p.in)}${p.required ? ", required" : ""})</small>`)
        .join(", ");
      const body = operation.requestBody
        ? `<details><summary>Body schema</summary><pre>${escape(JSON.stringify((operation.requestBody as Json).content, null, 2))}</pre></details>`
        : "";
      byTag.set(tag, [
        ...(byTag.get(tag) ?? []),
        `<section id="${escape(operation.operationId)}">
          <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
          <p>${escape(operation.summary)}</p>
          <p>${escape(String(operation.description).split("\n")[0])}</p>
          ${parameters ? `<p>Parameters: ${parameters}</p>` : ""}
          ${body}
          <p class="problems">Problems: ${(operation["x-problem-types"] as string[]).map((t) => `<code>${escape(t)}</code>`).join(" ")}</p>
        </section>`,
      ]);
    }
  }
  const info = document.info as Json;
  return `<h1>${escape(info.title)} <small>v${escape(info.version)}</small></h1>
<p>${escape(info.description)}</p>
<p>Machine-readable: <a href="/docs/openapi.json">/docs/openapi.json</a> (OpenAPI 3.1). Authenticate with <code>Authorization: Bearer &lt;JWT&gt;</code>.</p>
${[...byTag].map(([tag, sections]) => `<h2>${escape(tag)}</h2>${sections.join("\n")}`).join("\n")}`;
}
