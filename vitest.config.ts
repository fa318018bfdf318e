import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

// Sources are imported through package.json "imports" (#domain, ...); the "source"
// condition points them at the TypeScript files, while Node at run time uses dist/.
const conditions = ["source", "node", "import", "default"];

export default defineConfig({
  plugins: [swc.vite({ module: { type: "es6" } })],
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    // Two kinds of spec files, both run in one module graph per worker (isolate: false): a
    // file's own module is fresh, what it imports is shared with the files before it in that
    // worker. The unit and integration specs (libs, apps/*/src) hold no state outside what
    // each test builds; loading the application's modules anew for each of a hundred files
    // took 71 s of the run where sharing them takes 15 s. The end-to-end specs (test,
    // apps/*/test) start servers, CLIs and browsers as child processes; their support modules
    // (which sign tokens with the platform's code) took 1-4 s to load for each file, 100 s of
    // the run, and hold nothing a file could leave behind for the next but counters that keep
    // names unique and the set of children killed at exit.
    projects: [
      { extends: true, test: { name: "unit-int", include: ["libs/**/*.spec.ts", "apps/*/src/**/*.spec.ts"], isolate: false } },
      { extends: true, test: { name: "e2e", include: ["test/**/*.spec.ts", "apps/*/test/**/*.spec.ts"], isolate: false } },
    ],
    pool: "forks",
    // Set before any spec opens a database: with isolate false, the first one to do so in a
    // worker loads better-sqlite3's addon, which reads it once (open-for-reading.ts).
    env: { SQLITE_USE_URI: "1" },
    // The end-to-end files mostly wait on child processes (the server, Chromium): two files at
    // a time keep two cores busy, where vitest's default (cores − 1) runs one at a time on the
    // two-core machines CI has. Measured: 519 s with one, 318 s with two, 307 s with three.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
