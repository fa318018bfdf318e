import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The web app, built into dist/web, which the API server serves at / (apps/api/src/web/web-app.ts).
// Every script and style ends up in a file under /assets, so the CSP of 'self' holds: nothing inline.
// React's JSX is compiled by Vite's own transform (oxc); @vitejs/plugin-react would add Fast
// Refresh for a dev server only, and its Babel peers conflict with Stryker's.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // The browser-safe command schemas come from libs/application (its inputs only: no store, no
  // keys), and the domain they build on, as TypeScript; mapped as in apps/web/tsconfig.json.
  resolve: {
    alias: {
      "#application/inputs": fileURLToPath(new URL("../../libs/application/src/inputs.ts", import.meta.url)),
      "#application/plain-messages": fileURLToPath(new URL("../../libs/application/src/plain-messages.ts", import.meta.url)),
      "#domain": fileURLToPath(new URL("../../libs/domain/src/index.ts", import.meta.url)),
    },
  },
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    outDir: fileURLToPath(new URL("../../dist/web", import.meta.url)),
    emptyOutDir: true,
    // No inline data: URLs or polyfill snippets beyond files: the CSP allows only 'self'.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // React Query marks its modules "use client" for server components; a browser bundle has none.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
});
