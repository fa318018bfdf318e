import { Controller, Req, Res } from "@nestjs/common";
import type { FastifyReply, FastifyRequest } from "fastify";
import { prefersHtml } from "../http/prefers-html.js";
import { Route } from "../http/route-definition.js";
import { ALL_ROUTES } from "../routes/all-routes.js";
import { docsPage } from "./docs-page.js";
import { docsRoutes } from "./docs.routes.js";
import { openApiDocument } from "./openapi-document.js";

/**
 * docs/api.md "Documentation": "The OpenAPI document served at /docs". It is /docs's answer, and always at
 * /docs/openapi.json; a browser asking /docs for HTML gets a readable page of it. Neither
 * needs a token.
 */
@Controller()
export class DocsController {
  private readonly document = openApiDocument(ALL_ROUTES);
  private readonly page = docsPage(this.document);

  @Route(docsRoutes.page)
  docs(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): unknown {
    void reply.header("Vary", "Accept");
    if (!prefersHtml(request.headers.accept)) return this.document;
    void reply.type("text/html; charset=utf-8");
    return this.page;
  }

  @Route(docsRoutes.document)
  json(): unknown {
    return this.document;
  }
}
