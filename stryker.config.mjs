// `npm run mutation`: mutation testing of the domain's deciders and folds. Each mutant
// (a flipped condition, a deleted case, an emptied block) must make a domain spec fail;
// a survivor is a rule or a fold no test pins down. Not part of `npm test` (about ten
// minutes on two cores); the report lands in reports/mutation/mutation.html.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner", "./stryker-ignore-unreachable.mjs"],
  ignorers: ["unreachable-default"],
  vitest: { configFile: "vitest.mutation.config.ts" },
  // Per-test coverage: each mutant runs only the specs that reach it.
  coverageAnalysis: "perTest",
  // A mutant reached only while a spec file loads (a fold at the top of a spec) would need every
  // spec rerun in a fresh environment, which takes most of the time; those are left out and
  // counted as ignored. One also reached inside a test runs that test, with the mutant active.
  ignoreStatic: true,
  mutate: [
    "libs/domain/src/*/decide.ts",
    "libs/domain/src/*/evolve.ts",
    "libs/domain/src/initiative/mandate-validity.ts",
    "libs/domain/src/initiative/mandate-terms.ts",
  ],
  reporters: ["clear-text", "progress", "html"],
  // The sandbox needs the sources and configs only, not builds or local data.
  ignorePatterns: ["dist", "data", "bench/results", "coverage"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  timeoutMS: 10_000,
};
