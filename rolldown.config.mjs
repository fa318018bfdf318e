// The last step of `npm run build`: the server and the command line, each bundled from what
// tsc left in dist/ into a few files under dist/bundle/.
//
// Why: Node 20 loads an ES module graph file by file. The server's graph is some 900 files
// (our libraries, and Effect and zod, which are split into hundreds of modules each), and
// resolving, reading and compiling them took about 0.9 s of the 2.4 s of CPU a server start
// cost, and as much of every `mandat` command. Bundled, a start costs about 1.5 s.
//
// What is bundled: our code, and the pure ES-module packages whose many files were the
// cost. Everything else stays in node_modules as it is: better-sqlite3 (native), Nest and
// Fastify (which load optional packages by name at run time), the EventStoreDB client
// (loaded only when configured), and the rest.
const BUNDLED_PACKAGES = ["effect", "zod", "jose"];

const isBundled = (id) =>
  id.startsWith(".") ||
  id.startsWith("/") ||
  id.startsWith("#") ||
  BUNDLED_PACKAGES.some((name) => id === name || id.startsWith(`${name}/`));

export default {
  input: { api: "dist/apps/api/src/main.js", cli: "dist/apps/cli/src/main.js" },
  platform: "node",
  external: (id) => !isBundled(id),
  logLevel: "warn",
  output: {
    dir: "dist/bundle",
    cleanDir: true,
    format: "esm",
    chunkFileNames: "chunks/[name]-[hash].js",
    // The bundle maps back to the readable tsc output in dist/: NODE_OPTIONS=--enable-source-maps.
    sourcemap: true,
  },
};
