// The linter, and the layering it enforces: dependencies point inwards.
//
//   apps ──▶ platform ──▶ application ──▶ domain
//                    ╰──▶ projections ──▶ event-store, privacy ──▶ domain
//
// A library is reached only through its `#` entry (package.json "imports"), never by a
// relative path into its folder; no library reaches an app.
import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Relative paths that climb into another top-level folder: `../../libs/...`, `../apps/...`. */
const INTO_ANOTHER_FOLDER = { regex: "^(\\.\\./)+(libs|apps|test|bench)/", message: "Import a library through its # entry." };

/** A library's source may import these of ours, and nothing else. */
const layer = (library, allowed, extra = []) => ({
  files: [`libs/${library}/src/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          INTO_ANOTHER_FOLDER,
          {
            regex: `^#(?!(${allowed.join("|") || "$^"})(/|$))`,
            message:
              allowed.length > 0
                ? `libs/${library} may import only ${allowed.map((name) => `#${name}`).join(", ")}.`
                : `libs/${library} imports nothing of ours.`,
          },
          ...extra,
        ],
      },
    ],
  },
});

/** Adapters are for composition (libs/platform, apps, tests): the layers above the port see only the port. */
const NO_ADAPTERS = [
  {
    regex: "^#event-store/(sqlite|eventstoredb)$",
    message: "Depend on the port (#event-store); adapters are chosen in libs/platform.",
  },
];

/** The domain is pure: no I/O of any kind. */
const NO_IO = [{ regex: "^(node:|better-sqlite3|@eventstore/|fastify|@nestjs/)", message: "The domain does no I/O." }];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "bench/results/**", ".stryker-tmp/**", "reports/**", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // The compiler's noUnusedLocals covers these; a leading underscore marks a value left out on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": ["error", { patterns: [INTO_ANOTHER_FOLDER] }],
    },
  },
  layer("domain", [], NO_IO),
  layer("event-store", []),
  layer("privacy", ["domain"]),
  layer("application", ["domain", "event-store", "privacy"], NO_ADAPTERS),
  layer("projections", ["domain", "event-store", "privacy"], NO_ADAPTERS),
  layer("platform", ["domain", "event-store", "privacy", "application", "projections"]),
  {
    // The web app runs in a browser, and its components follow React's rules of hooks.
    files: ["apps/web/src/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests and their helpers may reach further (a real adapter, another library's testing entry).
    files: ["**/*.spec.ts", "libs/*/testing/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [INTO_ANOTHER_FOLDER] }] },
  },
  {
    // The end-to-end tests read JSON from the server under test: untyped by design, and their assertions check its shape.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
