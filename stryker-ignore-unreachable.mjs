// A Stryker ignorer (stryker.config.mjs, `ignorers`): leaves out the `default:` branches that
// end in assertNever. The compiler proves every switch over events and commands exhaustive,
// so no test can reach them; a mutant there could only "survive" without meaning anything.
import { PluginKind, declareValuePlugin } from "@stryker-mutator/api/plugin";

const callsAssertNever = (node) =>
  node?.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "assertNever";

const endsInAssertNever = (statement) =>
  (statement.type === "ReturnStatement" || statement.type === "ExpressionStatement") &&
  callsAssertNever(statement.type === "ReturnStatement" ? statement.argument : statement.expression);

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, "unreachable-default", {
    shouldIgnore(path) {
      const { node } = path;
      const unreachable =
        (node.type === "SwitchCase" && node.test === null && node.consequent.some(endsInAssertNever)) || callsAssertNever(node);
      return unreachable ? "unreachable: the compiler proves the switch exhaustive (assertNever)" : undefined;
    },
  }),
];
