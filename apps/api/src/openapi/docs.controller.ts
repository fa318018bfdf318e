import { Controller, Get, Header } from "@nestjs/common";
import { ALL_ROUTES } from "../routes/all-routes.js";
import { docsPage } from "./docs-page.js";
import { openApiDocument } from "./openapi-document.js";

/** The OpenAPI document and a readable page of it; neither needs a token. */
@Controller("docs")
export class DocsController {
  private readonly document = openApiDocument(ALL_ROUTES);
  private readonly page = docsPage(this.document);

  @Get()
  @Header("Content-Type", "text/html; charset=utf-8")
  html(): string {
    return this.page;
  }

  @Get("openapi.json")
  json(): unknown {
    return this.document;
  }
}
