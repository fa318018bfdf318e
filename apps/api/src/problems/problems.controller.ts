import { Controller, Param, Req, Res } from "@nestjs/common";
import type { FastifyReply, FastifyRequest } from "fastify";
import { prefersHtml } from "../http/prefers-html.js";
import { notFound } from "../http/problems.js";
import { Route } from "../http/route-definition.js";
import { TABLE_ROUTES } from "../routes/all-routes.js";
import { problemCatalogue } from "./problem-catalogue.js";
import { problemPage } from "./problem-page.js";
import { problemRoute } from "./problems.routes.js";

/**
 * docs/api.md "Errors": every problem's `type`, `/problems/<name>`, is a page people can
 * read. No token needed: whoever got the problem may not have one.
 */
@Controller()
export class ProblemsController {
  private readonly catalogue = problemCatalogue(TABLE_ROUTES);

  @Route(problemRoute)
  problem(@Param("name") name: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): unknown {
    const problem = this.catalogue.get(name);
    if (!problem) throw notFound(`There is no problem type ${request.url}`, `Det finns ingen problemtyp ${request.url}`);
    void reply.header("Vary", "Accept");
    if (!prefersHtml(request.headers.accept)) return problem;
    void reply.type("text/html; charset=utf-8");
    return problemPage(problem);
  }
}
