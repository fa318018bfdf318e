import { Controller, Param, Req, Res } from "@nestjs/common";
import type { FastifyReply, FastifyRequest } from "fastify";
import { prefersHtml } from "../http/prefers-html.js";
import { notFound } from "../http/problems.js";
import { Route } from "../http/route-definition.js";
import { ALL_ROUTES } from "../routes/all-routes.js";
import { docsAssets } from "./docs-assets.js";
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
  private readonly assets = docsAssets();

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

  @Route(docsRoutes.assets)
  asset(@Param("file") name: string, @Res({ passthrough: true }) reply: FastifyReply): unknown {
    const asset = this.assets.get(name);
    if (!asset) throw notFound(`/docs/assets/${name} does not exist`);
    // The files change only with the server's version: a day's caching spares a reload.
    void reply.type(asset.type).header("Cache-Control", "public, max-age=86400");
    return asset.body;
  }
}
