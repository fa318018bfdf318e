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
    include: ["apps/**/*.spec.ts", "libs/**/*.spec.ts", "test/**/*.spec.ts"],
    pool: "forks",
    // The end-to-end files mostly wait on child processes (the server, Chromium): two files at
    // a time keep two cores busy, where vitest's default (cores − 1) runs one at a time on the
    // two-core machines CI has. Measured: 519 s with one, 318 s with two, 307 s with three.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
