import baseConfig from "./vitest.config.js";

// `npm run mutation` (Stryker, stryker.config.mjs) mutates libs/domain and asks which
// domain spec kills each mutant. Only the pure domain specs run: they are the tier that
// must see a changed rule or fold, and they are fast enough to run once per mutant.
export default {
  ...baseConfig,
  test: { ...baseConfig.test, projects: undefined, include: ["libs/domain/**/*.unit.spec.ts"] },
};
