import { type DynamicModule, Module } from "@nestjs/common";
import { APP_FILTER, APP_GUARD } from "@nestjs/core";
import { CqrsModule } from "@nestjs/cqrs";
import { ArchiveController } from "./audit/archive.controller.js";
import { ExportController } from "./audit/export.controller.js";
import { SealsController } from "./audit/seals.controller.js";
import { ExecuteCommandHandler } from "./cqrs/execute-command.js";
import { ReadQueryHandler } from "./cqrs/read-query.js";
import { HealthController } from "./health/health.controller.js";
import { MeController } from "./me/me.controller.js";
import { LiveEventsController } from "./live/live-events.controller.js";
import { LiveFeeds } from "./live/live-feeds.js";
import { DocsController } from "./openapi/docs.controller.js";
import { ProblemsController } from "./problems/problems.controller.js";
import { AuthGuard } from "./http/auth.guard.js";
import { Commands } from "./http/commands.js";
import { ProblemFilter } from "./http/problem.filter.js";
import { Reads } from "./http/reads.js";
import { controllerServing } from "./http/route-controller.js";
import { TABLE_ROUTES } from "./routes/all-routes.js";
import { MandatRuntime } from "./runtime/mandat-runtime.js";

/** Every controller the application serves: health, the documentation, the live feed, and the route table's. */
export const API_CONTROLLERS = [
  HealthController,
  DocsController,
  ProblemsController,
  MeController,
  LiveEventsController,
  SealsController,
  ArchiveController,
  ExportController,
  controllerServing(TABLE_ROUTES),
];

@Module({})
export class AppModule {
  /** The application around an opened runtime: its lifecycle is the caller's, not Nest's. */
  static with(runtime: MandatRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: API_CONTROLLERS,
      providers: [
        { provide: MandatRuntime, useValue: runtime },
        Commands,
        Reads,
        LiveFeeds,
        ExecuteCommandHandler,
        ReadQueryHandler,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
