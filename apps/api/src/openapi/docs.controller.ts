import { Controller, Header } from "@nestjs/common";
import { Route } from "../http/route-definition.js";
import { ALL_ROUTES } from "../routes/all-routes.js";
import { docsPage } from "./docs-page.js";
import { docsRoutes } from "./docs.routes.js";
import { openApiDocument } from "./openapi-document.js";

/** The OpenAPI document and a readable page of it; neither needs a token. */
@Controller()
export class DocsController {
  private readonly document = openApiDocument(ALL_ROUTES);
  private readonly page = docsPage(this.document);

  @Route(docsRoutes.page)
  @Header("Content-Type", "text/html; charset=utf-8")
  html(): string {
    return this.page;
  }

  @Route(docsRoutes.document)
  json(): unknown {
    return this.document;
  }
}
