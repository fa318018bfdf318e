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
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
