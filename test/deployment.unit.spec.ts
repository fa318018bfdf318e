import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENVIRONMENT_VARIABLES, loadConfig } from "#platform";

/**
 * The deployment files (Dockerfile, docker-compose.yml, deploy/nginx.conf), read as text and
 * checked for what a scaled deployment relies on. No Docker engine needed: nothing is built or run.
 * The readers below take the forms these files use (a map for `environment`, short volume
 * syntax, `ENV KEY=value`); another form fails a check rather than passing unread.
 */

const root = fileURLToPath(new URL("..", import.meta.url));
const read = (path: string): string => readFileSync(`${root}${path}`, "utf8");

// ---------------------------------------------------------------------------------------------
// docker-compose.yml

type Environment = Record<string, string>;

interface Service {
  readonly image?: string;
  readonly build?: { readonly context?: string; readonly dockerfile?: string };
  readonly environment?: Record<string, string | number | boolean | null>;
  readonly ports?: ReadonlyArray<string | number | { readonly published?: string | number; readonly host_ip?: string }>;
  readonly volumes?: ReadonlyArray<string>;
  readonly healthcheck?: { readonly test?: string | ReadonlyArray<string>; readonly disable?: boolean };
  readonly depends_on?: Record<string, { readonly condition?: string }>;
  readonly networks?: ReadonlyArray<string> | Record<string, { readonly ipv4_address?: string } | null>;
}

interface Compose {
  readonly services: Record<string, Service>;
  readonly volumes?: Record<string, unknown>;
  readonly networks?: Record<string, unknown>;
}

// `merge: true`: the file shares settings between services with YAML merge keys (<<: *anchor),
// which Docker Compose resolves too.
const compose = parse(read("docker-compose.yml"), { merge: true }) as Compose;
const services = compose.services;

/** A service's environment, every value as the string the container gets. */
const environmentOf = (service: Service): Environment =>
  Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [name, value === null ? "" : String(value)]),
  );

/** [source, target] of each mount (`source:target[:mode]`). */
const mountsOf = (service: Service): Array<[string, string]> =>
  (service.volumes ?? []).map((volume) => {
    const [source = "", target = ""] = volume.split(":");
    return [source, target];
  });

const healthTest = (service: Service): string => {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(" ") : String(test ?? "");
};

const dependsOn = (service: Service): Record<string, { readonly condition?: string }> => service.depends_on ?? {};

const esdbNames = Object.keys(services).filter((name) =>
  String(services[name]!.image ?? "").match(/eventstore\/eventstore|kurrentdb/),
);
const apiNames = ["api-1", "api-2"];

const configurationVariables = new Set(ENVIRONMENT_VARIABLES);

/** Compose's `${NAME:?message}` and friends, with the value a user would export. */
const interpolate = (value: string, env: Environment): string =>
  value.replace(/\$\{([A-Z0-9_]+)(?::?[-?+][^}]*)?\}/g, (_all, name: string) => env[name] ?? "");

describe("docker-compose.yml: the EventStoreDB cluster", () => {
  it("has three EventStoreDB nodes, on one image", () => {
    expect(esdbNames).toHaveLength(3);
    expect(new Set(esdbNames.map((name) => services[name]!.image)).size).toBe(1);
  });

  it.each(esdbNames)("%s: cluster of 3, insecure, gossip seeds naming the other two nodes, no DNS discovery", (name) => {
    const env = environmentOf(services[name]!);
    expect(env.EVENTSTORE_CLUSTER_SIZE).toBe("3");
    expect(env.EVENTSTORE_INSECURE).toBe("true");
    expect(env.EVENTSTORE_DISCOVER_VIA_DNS).toBe("false");

    const address = (node: string) => {
      const networks = services[node]!.networks;
      const fixed =
        networks && !Array.isArray(networks) ? Object.values(networks).find((net) => net?.ipv4_address)?.ipv4_address : undefined;
      return { name: node, ip: fixed };
    };
    const seeds = (env.EVENTSTORE_GOSSIP_SEED ?? "").split(",").map((seed) => seed.trim().replace(/:\d+$/, ""));
    const names = (node: { name: string; ip?: string | undefined }) =>
      seeds.some((seed) => seed === node.name || seed === node.ip);
    const others = esdbNames.filter((other) => other !== name).map(address);
    expect(seeds).toHaveLength(2);
    for (const other of others) expect(names(other), `${name} seeds ${other.name}`).toBe(true);
    expect(names(address(name)), `${name} does not seed itself`).toBe(false);
  });

  it.each(esdbNames)("%s: a fixed address on a user-defined network, its replication bound to it", (name) => {
    const networks = services[name]!.networks;
    expect(networks && !Array.isArray(networks)).toBe(true);
    const [network, settings] = Object.entries(networks as Record<string, { ipv4_address?: string } | null>)[0]!;
    expect(compose.networks?.[network]).toBeDefined();
    expect(settings?.ipv4_address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const env = environmentOf(services[name]!);
    expect(env.EVENTSTORE_REPLICATION_IP ?? env.EVENTSTORE_INT_IP).toBe(settings?.ipv4_address);
  });

  it("gives the nodes three different addresses", () => {
    const ips = esdbNames.map(
      (name) => Object.values(services[name]!.networks as Record<string, { ipv4_address?: string }>)[0]?.ipv4_address,
    );
    expect(new Set(ips).size).toBe(3);
  });

  it.each(esdbNames)("%s: a health check on /health/live and a named volume for its data", (name) => {
    const service = services[name]!;
    expect(service.healthcheck?.disable).not.toBe(true);
    expect(healthTest(service)).toMatch(/curl -f\S* http:\/\/localhost:2113\/health\/live/);
    const data = mountsOf(service).find(([, target]) => target === "/var/lib/eventstore");
    expect(data, "a volume on /var/lib/eventstore").toBeDefined();
    expect(compose.volumes).toHaveProperty(data![0]);
  });

  it("gives every node its own data volume", () => {
    const sources = esdbNames.map(
      (name) => mountsOf(services[name]!).find(([, target]) => target === "/var/lib/eventstore")?.[0],
    );
    expect(new Set(sources).size).toBe(3);
  });
});

describe("docker-compose.yml: the API instances", () => {
  it("has api-1 and api-2", () => {
    for (const name of apiNames) expect(services).toHaveProperty(name);
  });

  it.each(apiNames)("%s: built from the Dockerfile", (name) => {
    const build = services[name]!.build;
    expect(build).toBeDefined();
    expect(build!.dockerfile ?? "Dockerfile").toBe("Dockerfile");
    expect(build!.context ?? ".").toMatch(/^\.\/?$/);
  });

  it.each(apiNames)("%s: EventStoreDB store, a connection string naming all three nodes, production", (name) => {
    const env = environmentOf(services[name]!);
    expect(env.MANDAT_STORE).toBe("eventstoredb");
    expect(env.NODE_ENV).toBe("production");
    expect(env.HOST).toBe("0.0.0.0");
    const connection = env.EVENTSTORE_CONNECTION_STRING ?? "";
    expect(connection).toMatch(/^esdb:\/\//);
    const hosts = connection
      .replace(/^esdb:\/\//, "")
      .split(/[/?]/)[0]!
      .split(",")
      .map((host) => host.replace(/:\d+$/, ""));
    expect(hosts.sort()).toEqual([...esdbNames].sort());
    expect(connection).toContain("tls=false");
  });

  it.each(apiNames)("%s: AUTH_JWT_SECRET comes from the environment, and is required", (name) => {
    expect(environmentOf(services[name]!).AUTH_JWT_SECRET).toMatch(/^\$\{AUTH_JWT_SECRET:\?[^}]+\}$/);
  });

  it.each(apiNames)("%s: sets only variables the configuration knows", (name) => {
    expect(configurationVariables).toContain("MANDAT_KEYS_PATH");
    expect(configurationVariables).toContain("HOST");
    const unknown = Object.keys(environmentOf(services[name]!)).filter((variable) => !configurationVariables.has(variable));
    expect(unknown).toEqual([]);
  });

  it.each(apiNames)("%s: its environment is a configuration the server starts with", (name) => {
    const secret = "x".repeat(48);
    const env = Object.fromEntries(
      Object.entries(environmentOf(services[name]!)).map(([variable, value]) => [
        variable,
        interpolate(value, { AUTH_JWT_SECRET: secret }),
      ]),
    );
    const config = loadConfig(env);
    expect(config.production).toBe(true);
    expect(config.host).toBe("0.0.0.0");
    expect(config.store.engine).toBe("eventstoredb");
    expect(config.auth).toEqual({ mode: "hs256", secret });
  });

  it.each(apiNames)("%s: read models on its own volume, person keys on the shared one", (name) => {
    const env = environmentOf(services[name]!);
    const mounts = mountsOf(services[name]!);
    const volumeHolding = (path: string | undefined) =>
      mounts
        .filter(([, target]) => path !== undefined && path.startsWith(`${target.replace(/\/$/, "")}/`))
        .sort(([, a], [, b]) => b.length - a.length)[0]?.[0];

    const readModels = volumeHolding(env.MANDAT_READ_MODELS_PATH);
    const keys = volumeHolding(env.MANDAT_KEYS_PATH);
    expect(readModels, "MANDAT_READ_MODELS_PATH is on a volume").toBeDefined();
    expect(keys, "MANDAT_KEYS_PATH is on a volume").toBeDefined();
    expect(readModels).not.toBe(keys);
    expect(compose.volumes).toHaveProperty(readModels!);
    expect(compose.volumes).toHaveProperty(keys!);
  });

  it("the read-model volumes differ between the instances; the keys volume is the same", () => {
    const volumeFor = (name: string, variable: "MANDAT_READ_MODELS_PATH" | "MANDAT_KEYS_PATH") => {
      const path = environmentOf(services[name]!)[variable]!;
      return mountsOf(services[name]!).find(([, target]) => path.startsWith(`${target}/`))?.[0];
    };
    expect(volumeFor("api-1", "MANDAT_READ_MODELS_PATH")).not.toBe(volumeFor("api-2", "MANDAT_READ_MODELS_PATH"));
    expect(volumeFor("api-1", "MANDAT_KEYS_PATH")).toBe(volumeFor("api-2", "MANDAT_KEYS_PATH"));
  });

  it.each(apiNames)("%s: seals in the one seal store on the shared keys volume, not in the instance's data folder", (name) => {
    const env = environmentOf(services[name]!);
    const secret = { AUTH_JWT_SECRET: "x".repeat(48) };
    const config = loadConfig(
      Object.fromEntries(Object.entries(env).map(([variable, value]) => [variable, interpolate(value, secret)])),
    );
    const keysVolume = mountsOf(services[name]!).find(([, target]) => env.MANDAT_KEYS_PATH!.startsWith(`${target}/`));
    expect(keysVolume, "the keys volume is mounted").toBeDefined();
    for (const path of [config.seals.sealsPath, config.seals.keysPath])
      expect(path.startsWith(`${keysVolume![1]}/`), path).toBe(true);
  });

  it.each(apiNames)("%s: a health check on /health/ready (a draining or catching-up instance gets no traffic)", (name) => {
    const service = services[name]!;
    expect(service.healthcheck?.disable).not.toBe(true);
    expect(healthTest(service)).toMatch(/http:\/\/(127\.0\.0\.1|localhost):3000\/health\/ready['"\s]/);
  });

  it.each(apiNames)("%s: starts once every EventStoreDB node is healthy", (name) => {
    const deps = dependsOn(services[name]!);
    for (const node of esdbNames) expect(deps[node]?.condition, `${name} -> ${node}`).toBe("service_healthy");
  });

  it.each(apiNames)("%s: publishes no port (only the proxy is reachable)", (name) => {
    expect(services[name]!.ports ?? []).toEqual([]);
  });
});

describe("docker-compose.yml: the proxy and the published ports", () => {
  const proxy = services.proxy!;

  it("runs nginx with deploy/nginx.conf, published on 127.0.0.1:8080", () => {
    expect(proxy.image).toMatch(/^nginx:/);
    expect(mountsOf(proxy).some(([source]) => source.replace(/^\.\//, "") === "deploy/nginx.conf")).toBe(true);
    expect((proxy.ports ?? []).map(String)).toContainEqual(expect.stringMatching(/^127\.0\.0\.1:8080:\d+$/));
  });

  it("checks its own health on /health/live through itself", () => {
    expect(proxy.healthcheck?.disable).not.toBe(true);
    expect(healthTest(proxy)).toMatch(/http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/health\/live\b/);
  });

  it("sends traffic to the API only once both instances are healthy", () => {
    const deps = dependsOn(proxy);
    for (const name of apiNames) expect(deps[name]?.condition).toBe("service_healthy");
  });

  it("binds every published port to 127.0.0.1, never 0.0.0.0", () => {
    const published = Object.entries(services).flatMap(([name, service]) =>
      (service.ports ?? []).map((port) => ({ name, port })),
    );
    expect(published.length).toBeGreaterThan(0);
    for (const { name, port } of published) {
      if (typeof port === "object") {
        expect(port.host_ip, `${name}: ${JSON.stringify(port)}`).toBe("127.0.0.1");
      } else {
        // "HOST:PUBLISHED:TARGET"; "PUBLISHED:TARGET" or a bare port would bind every interface.
        expect(String(port), name).toMatch(/^127\.0\.0\.1:\d+(-\d+)?:\d+(-\d+)?(\/(tcp|udp))?$/);
      }
    }
  });

  it("publishes nothing but the proxy and, at most, node1's admin UI", () => {
    const publishing = Object.entries(services)
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name]) => name)
      .sort();
    expect(publishing.filter((name) => name !== "proxy").length).toBeLessThanOrEqual(1);
    expect(publishing).toContain("proxy");
  });
});

// ---------------------------------------------------------------------------------------------
// Dockerfile

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** The instructions, continuation lines joined and comments dropped, grouped by FROM. */
function dockerfileStages(text: string): Instruction[][] {
  const logical: string[] = [];
  let pending = "";
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*#/.test(raw)) continue; // comments (also inside continued instructions) and parser directives
    const line = raw.trimEnd();
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    pending += line;
    if (pending.trim() !== "") logical.push(pending.trim());
    pending = "";
  }
  if (pending.trim() !== "") logical.push(pending.trim());

  const stages: Instruction[][] = [];
  for (const entry of logical) {
    const match = /^(\w+)\s+([\s\S]*)$/.exec(entry);
    if (!match) continue;
    const instruction = { keyword: match[1]!.toUpperCase(), args: match[2]!.replace(/\s+/g, " ").trim() };
    if (instruction.keyword === "FROM") stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

/** ENV KEY=value pairs (several per instruction, values possibly quoted). */
function envOf(stage: Instruction[]): Environment {
  const env: Environment = {};
  for (const { keyword, args } of stage) {
    if (keyword !== "ENV") continue;
    for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)) {
      env[match[1]!] = match[2]!.replace(/^(["'])([\s\S]*)\1$/, "$2");
    }
  }
  return env;
}

const stages = dockerfileStages(read("Dockerfile"));
const runtime = stages.at(-1) ?? [];
const stageName = (stage: Instruction[]) => / AS (\S+)$/i.exec(stage[0]?.args ?? "")?.[1];
const runtimeEnv = envOf(runtime);
const all = (stage: Instruction[], keyword: string) => stage.filter((instruction) => instruction.keyword === keyword);

describe("Dockerfile", () => {
  it("is multi-stage, every stage on the same supported Node LTS (22 or 24, bookworm-slim)", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage[0]!.args).toMatch(/^node:(22|24)(\.\d+)*-bookworm-slim\b/);
    // The native binding built in one stage runs in the other: one Node major for all.
    expect(new Set(stages.map((stage) => stage[0]!.args.split(/[.-]/)[0])).size).toBe(1);
  });

  it("builds in an earlier stage: npm ci and npm run build, with the toolchain for better-sqlite3", () => {
    const runs = stages.slice(0, -1).flatMap((stage) => all(stage, "RUN").map(({ args }) => args));
    expect(runs.some((run) => /\bnpm ci\b/.test(run))).toBe(true);
    expect(runs.some((run) => /\bnpm run build\b/.test(run))).toBe(true);
    expect(runs.some((run) => /python3/.test(run) && /\bmake\b/.test(run) && /g\+\+/.test(run))).toBe(true);
    expect(all(runtime, "RUN").some(({ args }) => /\bnpm (ci|install|i)\b/.test(args) && !/--omit=dev/.test(args))).toBe(false);
  });

  it("build stage: copies every file of the repository that `npm run build` names (configs included)", () => {
    const { scripts } = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    const named = ["prebuild", "build", "postbuild"]
      .flatMap((script) => (scripts[script] ?? "").split(/\s+/))
      .filter((word) => /^[\w./-]+\.\w+$/.test(word) && existsSync(`${root}${word}`));
    expect(named).toContain("rolldown.config.mjs");
    const sources = stages
      .slice(0, -1)
      .flatMap((stage) => all(stage, "COPY"))
      .filter(({ args }) => !/--from=/.test(args))
      .flatMap(({ args }) =>
        args
          .split(/\s+/)
          .filter((word) => !word.startsWith("--"))
          .slice(0, -1),
      )
      .map((source) => source.replace(/^\.\//, "").replace(/\/$/, ""));
    const uncopied = named.filter((path) => !sources.some((source) => path === source || path.startsWith(`${source}/`)));
    expect(uncopied, "named by the build scripts, not copied into the build stage").toEqual([]);
  });

  it("ships production dependencies only: node_modules comes from a stage that omitted the dev ones", () => {
    const copy = all(runtime, "COPY").find(({ args }) => /--from=\S+/.test(args) && /node_modules/.test(args));
    expect(copy, "the runtime stage copies node_modules from another stage").toBeDefined();
    const from = /--from=(\S+)/.exec(copy!.args)![1]!;
    const source = stages.find((stage) => stageName(stage) === from) ?? stages[Number(from)];
    expect(source, `stage ${from}`).toBeDefined();
    const omits = all(source!, "RUN").some(({ args }) => /\bnpm (ci|prune)\b[^&;|]*--omit=dev/.test(args));
    expect(omits).toBe(true);
  });

  it("runtime: copies dist/, node_modules and package.json into /app", () => {
    expect(all(runtime, "WORKDIR").at(-1)?.args).toBe("/app");
    const copies = all(runtime, "COPY").map(({ args }) => args);
    for (const item of ["dist", "node_modules", "package.json"]) {
      expect(
        copies.some((args) => args.split(" ").some((word) => word.replace(/^\/app\//, "").replace(/\/$/, "") === item)),
      ).toBe(true);
    }
  });

  it("runtime: runs as a non-root user", () => {
    const user = all(runtime, "USER").at(-1)?.args;
    expect(user).toBeDefined();
    expect(user!.split(":")[0]).not.toMatch(/^(root|0)$/);
  });

  it("runtime: NODE_ENV=production, HOST=0.0.0.0, the data files under /data, a /data volume", () => {
    expect(runtimeEnv.NODE_ENV).toBe("production");
    expect(runtimeEnv.HOST).toBe("0.0.0.0");
    expect(runtimeEnv.MANDAT_SQLITE_PATH).toBe("/data/mandat.sqlite");
    expect(runtimeEnv.MANDAT_READ_MODELS_PATH).toBe("/data/read-models.sqlite");
    expect(runtimeEnv.MANDAT_KEYS_PATH).toBe("/data/keys.sqlite");
    expect(all(runtime, "VOLUME").some(({ args }) => /(^|[\s"[])\/data(["\s\],]|$)/.test(args))).toBe(true);
    // The volume's mount point belongs to the user the server runs as.
    const user = all(runtime, "USER").at(-1)?.args.split(":")[0];
    expect(
      all(runtime, "RUN").some(({ args }) => new RegExp(`chown\\s+(-R\\s+)?${user}(:${user})?\\s[^&;]*\\/data\\b`).test(args)),
    ).toBe(true);
  });

  it("runtime: sets only variables the configuration knows", () => {
    expect(Object.keys(runtimeEnv).filter((variable) => !configurationVariables.has(variable))).toEqual([]);
    const config = loadConfig({ ...runtimeEnv, AUTH_JWT_SECRET: "y".repeat(40) });
    expect(config).toMatchObject({ production: true, host: "0.0.0.0", port: 3000, readModelsPath: "/data/read-models.sqlite" });
  });

  it("runtime: MANDAT_DEMO=off, so a container on an empty /data never writes the demo into a production log", () => {
    expect(runtimeEnv.MANDAT_DEMO).toBe("off");
    expect(loadConfig({ ...runtimeEnv, AUTH_JWT_SECRET: "y".repeat(40) }).demo).toBe(false);
  });

  it("runtime: EXPOSE 3000 and a HEALTHCHECK on GET /health/ready with Node's fetch", () => {
    expect(all(runtime, "EXPOSE").flatMap(({ args }) => args.split(" "))).toContain("3000");
    const healthcheck = all(runtime, "HEALTHCHECK").at(-1)?.args ?? "";
    expect(healthcheck).toMatch(/\bCMD\b/);
    expect(healthcheck).toMatch(/fetch\(/);
    expect(healthcheck).toMatch(/\/health\/ready'/);
  });

  it("runtime: CMD runs dist/bundle/api.js with node", () => {
    const cmd = all(runtime, "CMD").at(-1)?.args ?? "";
    expect(JSON.parse(cmd)).toEqual(["node", "dist/bundle/api.js"]);
  });
});

// ---------------------------------------------------------------------------------------------
// deploy/nginx.conf

describe("deploy/nginx.conf", () => {
  const nginx = read("deploy/nginx.conf")
    .split("\n")
    .map((line) => line.replace(/#.*$/, ""))
    .join("\n");

  /** The body of the first block that opens with `header {`, braces balanced. */
  const block = (header: RegExp): string => {
    const start = header.exec(nginx);
    if (!start) return "";
    let depth = 0;
    for (let i = nginx.indexOf("{", start.index); i < nginx.length; i++) {
      if (nginx[i] === "{") depth++;
      if (nginx[i] === "}" && --depth === 0) return nginx.slice(nginx.indexOf("{", start.index) + 1, i);
    }
    return "";
  };

  it("balances its braces", () => {
    expect(nginx.split("{").length).toBe(nginx.split("}").length);
  });

  it("round-robins over api-1:3000 and api-2:3000", () => {
    const upstream = block(/upstream\s+(\S+)\s*\{/);
    const name = /upstream\s+(\S+)\s*\{/.exec(nginx)?.[1];
    expect(upstream).toMatch(/^\s*server\s+api-1:3000\b/m);
    expect(upstream).toMatch(/^\s*server\s+api-2:3000\b/m);
    // No other balancing method: round robin is nginx's default.
    expect(upstream).not.toMatch(/^\s*(ip_hash|hash|least_conn|random|sticky)\b/m);
    expect(nginx).toMatch(new RegExp(`proxy_pass\\s+http://${name};`));
  });

  it("streams /api/v1/events/live: buffering off, long read timeout", () => {
    const live = block(/location\s+(\^~\s+|=\s+)?\/api\/v1\/events\/live\s*\{/);
    expect(live).toMatch(/proxy_buffering\s+off;/);
    const timeout = /proxy_read_timeout\s+(\d+)([smhd]?);/.exec(live);
    expect(timeout).not.toBeNull();
    const seconds = Number(timeout![1]) * ({ "": 1, s: 1, m: 60, h: 3600, d: 86_400 } as Record<string, number>)[timeout![2]!]!;
    expect(seconds).toBeGreaterThanOrEqual(300);
  });

  it("limits bodies to the API's 64 KiB and passes X-Forwarded-For", () => {
    expect(nginx).toMatch(/client_max_body_size\s+64k;/);
    expect(nginx).toMatch(/proxy_set_header\s+X-Forwarded-For\s+\$proxy_add_x_forwarded_for;/);
  });
});
