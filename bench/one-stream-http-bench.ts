import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { signToken } from "#platform";
import { type BenchServer, startBenchServer } from "./bench-server.js";
import { now, percentile, round } from "./measure.js";

export interface WritersResult {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Answers by status; the contract wants every write without If-Match to succeed. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly conflicts: number;
}

export interface OneStreamHttpResults {
  /** Events in the one stream when the writers began. */
  readonly streamEvents: number;
  readonly oneStream: WritersResult;
  readonly spreadOver64Streams: WritersResult;
}

const SECRET = "bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
const WRITERS = 64;

/** The built server with an empty log, signing its tokens with SECRET. */
const startServer = (dataDir: string): Promise<BenchServer> =>
  startBenchServer(dataDir, { MANDAT_DEMO: "off", AUTH_JWT_SECRET: SECRET });

interface Answer {
  readonly status: number;
  readonly body: { readonly id?: string };
}

const client =
  (url: string, token: string) =>
  async (path: string, body: unknown): Promise<Answer> => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer["body"] };
  };

const created = (answer: Answer): string => {
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`Setup failed: ${JSON.stringify(answer)}`);
  return answer.body.id!;
};

/** `total` requests, WRITERS in flight at a time, each to the initiative `target(i)` names. */
async function writers(post: ReturnType<typeof client>, total: number, target: (i: number) => string): Promise<WritersResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let issued = 0;
  const writer = async () => {
    while (issued < total) {
      const i = issued++;
      const t0 = now();
      const { status } = await post(`/initiatives/${target(i)}/goals`, { statement: `Goal ${i}` });
      latencies.push(now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  const started = now();
  await Promise.all(Array.from({ length: WRITERS }, writer));
  const seconds = (now() - started) / 1000;
  const succeeded = (statuses[201] ?? 0) + (statuses[200] ?? 0);
  return {
    requests: total,
    perSecond: Math.round(succeeded / seconds),
    p50Ms: round(percentile(latencies, 50), 3),
    p99Ms: round(percentile(latencies, 99), 3),
    statuses,
    conflicts: statuses[409] ?? 0,
  };
}

/**
 * 64 concurrent writers without If-Match over HTTP, against the real server: all on one
 * initiative whose stream holds `streamEvents` events, then the same load spread over 64
 * initiatives (freshly registered, so short streams: the comparison favours the spread
 * load). Every write adds a goal.
 */
export async function benchOneStreamOverHttp(streamEvents: number, requests: number): Promise<OneStreamHttpResults> {
  const dataDir = mkdtempSync(join(process.env.BENCH_DIR ?? "/tmp", "mandat-bench-http-"));
  const server = await startServer(dataDir);
  try {
    const admin = client(server.url, await signToken({ sub: "bench-admin", roles: ["admin"] }, SECRET));
    const organisationId = created(await admin("/organisations", { name: "Bench organisation", kind: "municipality" }));
    const personId = created(await admin("/people", { organisationId, name: "Bench Core Team member" }));
    created(await admin(`/people/${personId}/core-team-membership`, { focusArea: "bench", on: "2000-01-01" }));
    created(await admin(`/people/${personId}/logins`, { issuer: "mandat", subject: "bench-core" }));
    const core = client(server.url, await signToken({ sub: "bench-core" }, SECRET));
    const register = async (name: string) =>
      created(
        await core("/initiatives", { name, focusArea: "bench", description: "Benchmarked", organisationIds: [organisationId] }),
      );

    const long = await register("One long initiative");
    console.log(`  growing one initiative to ${streamEvents} events over HTTP`);
    for (let i = 1; i < streamEvents; i++) created(await core(`/initiatives/${long}/goals`, { statement: `Earlier goal ${i}` }));
    const spread = await Promise.all(Array.from({ length: WRITERS }, (_, i) => register(`Initiative ${i}`)));

    console.log(`  ${requests} writes by ${WRITERS} writers to one stream, then to ${WRITERS} streams`);
    const oneStream = await writers(core, requests, () => long);
    const spreadOver64Streams = await writers(core, requests, (i) => spread[i % WRITERS]!);
    return { streamEvents, oneStream, spreadOver64Streams };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
