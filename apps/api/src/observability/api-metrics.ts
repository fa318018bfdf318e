import type { EventStoreObserver } from "#event-store";
import type { ProjectionStatus } from "#projections";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Where the read models stand against the log, asked for at each scrape. */
export type ProjectionPositions = () => Promise<{
  readonly headPosition: number;
  readonly projections: ReadonlyArray<ProjectionStatus>;
}>;

/** Seconds: from a quick read (a millisecond) to a write stuck behind a slow disk. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256];

/**
 * The server's Prometheus metrics (docs/api.md "Metrics"), each process its own registry.
 * Labels are route patterns, methods and statuses only: never a raw URL, an id or a name.
 */
export class ApiMetrics {
  readonly registry = new Registry();

  private readonly requests = new Histogram({
    name: "mandat_http_request_duration_seconds",
    help: "HTTP requests by method, route pattern and status, with how long they took",
    labelNames: ["method", "route", "status"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly appends = new Histogram({
    name: "mandat_event_store_append_duration_seconds",
    help: "Appends to the embedded event log, from the call to its answer (waiting for the group commit included)",
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly batches = new Histogram({
    name: "mandat_event_store_group_commit_appends",
    help: "Appends written together in one group commit of the embedded event log",
    buckets: BATCH_BUCKETS,
    registers: [this.registry],
  });

  readonly liveFeedsOpen = new Gauge({
    name: "mandat_live_feeds_open",
    help: "Live feeds (GET /api/v1/events/live) open now",
    registers: [this.registry],
  });

  readonly liveFeedsDropped = new Counter({
    name: "mandat_live_feeds_dropped_total",
    help: "Live feeds the server ended because their reader fell too far behind",
    registers: [this.registry],
  });

  /** Told by the embedded event store (libs/event-store/src/port/event-store-observer.ts). */
  readonly eventStoreObserver: EventStoreObserver = {
    appendAnswered: (seconds) => this.appends.observe(seconds),
    batchCommitted: (appends) => this.batches.observe(appends),
  };

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "mandat_" });
  }

  /** Projection lag per read model: log positions between the head and what it has applied. */
  watchProjections(positions: ProjectionPositions): void {
    new Gauge({
      name: "mandat_projection_lag_events",
      help: "Log positions between the head of the log and the last one a read model has applied",
      labelNames: ["read_model"] as const,
      registers: [this.registry],
      async collect() {
        const { headPosition, projections } = await positions();
        this.reset();
        for (const projection of projections) {
          this.set({ read_model: projection.name }, Math.max(0, headPosition - projection.position));
        }
      },
    });
  }

  requestAnswered(method: string, route: string, status: number, seconds: number): void {
    this.requests.observe({ method, route, status: String(status) }, seconds);
  }
}
