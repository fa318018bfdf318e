import { Data } from "effect";

export interface Bilingual {
  readonly en: string;
  readonly sv: string;
}

const RuleViolationTypeId: unique symbol = Symbol.for("@mandat/RuleViolation");

/**
 * A broken domain rule. `_tag` is the rule's stable kebab-case name: the API exposes it as
 * the problem type (`/problems/<rule>`), so renaming one is a breaking change.
 */
export interface RuleViolation {
  readonly [RuleViolationTypeId]: typeof RuleViolationTypeId;
  readonly _tag: string;
  readonly title: Bilingual;
  readonly detail: string;
}

/**
 * Declares one rule's error class:
 *   export class MandateRevoked extends rule("mandate-revoked", { en: "...", sv: "..." }) {}
 *   new MandateRevoked({ detail: "Mandate ... was revoked on 2025-03-01" })
 */
export const rule = <const Name extends string>(name: Name, title: Bilingual) =>
  class extends Data.TaggedError(name)<{ readonly detail: string }> implements RuleViolation {
    static readonly rule: Name = name;
    /** The rule's title without an instance: the API's page of each problem (`/problems/<rule>`) shows it. */
    static readonly title: Bilingual = title;
    readonly [RuleViolationTypeId]: typeof RuleViolationTypeId = RuleViolationTypeId;
    readonly title = title;
    override get message() {
      return this.detail;
    }
  };

export const isRuleViolation = (value: unknown): value is RuleViolation =>
  typeof value === "object" && value !== null && RuleViolationTypeId in value;
