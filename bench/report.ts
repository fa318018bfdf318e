import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { round } from "./measure.js";

export interface Target {
  readonly name: string;
  readonly measured: number;
  readonly comparator: ">=" | "<=";
  readonly goal: number;
  readonly unit: string;
  /**
   * The figure with a part of the work taken away, measured in the same run: how far
   * improving the rest alone can take it. `assuming` names what stays as it is.
   */
  readonly bound?: { readonly value: number; readonly assuming: string };
}

export const meets = (target: Target): boolean =>
  target.comparator === ">=" ? target.measured >= target.goal : target.measured <= target.goal;

export function printTable(title: string, rows: ReadonlyArray<Record<string, string | number>>): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? "").length)));
  const line = (cells: ReadonlyArray<string>) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ");
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => String(row[c] ?? ""))));
}

export function printTargets(targets: ReadonlyArray<Target>): void {
  printTable(
    "Targets (ratios measured in this run)",
    targets.map((t) => ({
      target: t.name,
      measured: `${round(t.measured, 3)}${t.unit}`,
      goal: `${t.comparator} ${t.goal}${t.unit}`,
      result: meets(t) ? "met" : "MISSED",
      "bound (assuming)": t.bound === undefined ? "" : `${round(t.bound.value, 3)}${t.unit} (${t.bound.assuming})`,
    })),
  );
}

export function writeResults(directory: string, results: unknown): string {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, "latest.json");
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
