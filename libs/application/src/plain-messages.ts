/**
 * The messages people meet most in a form, in plain words: a field left empty, text too long,
 * too few choices. zod's own ("För stor(t): förväntade string att ha <=500 tecken") read as
 * a programmer's, in Swedish worst of all. Undefined for every other issue: zod's locale then
 * says it. The API (parse-input.ts) and the web app's forms (LanguageProvider) both use it.
 *
 * Written against the fields of zod's raw issues, so it imports nothing: the web app loads
 * it with its first page.
 */
export interface PlainIssue {
  readonly code?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly input?: unknown;
  readonly expected?: string;
  /** Of an invalid_format issue: `email`, `uuid`, `url`, ... */
  readonly format?: string;
}

export type PlainLanguage = "sv" | "en";

const WORDS = {
  sv: {
    required: "Fyll i fältet",
    atLeastOne: "Välj eller fyll i minst en",
    characters: (bound: string) => `${bound} tecken`,
    items: (bound: string) => `${bound} stycken`,
    atMost: (n: number) => `Högst ${n}`,
    lessThan: (n: number) => `Mindre än ${n}`,
    atLeast: (n: number) => `Minst ${n}`,
    moreThan: (n: number) => `Större än ${n}`,
    expected: {
      string: "Ska vara text",
      number: "Ska vara ett tal",
      boolean: "Ska vara ja eller nej",
      array: "Ska vara en lista",
    },
    format: {
      email: "Skriv en e-postadress, till exempel namn@kommun.se",
      uuid: "Ska vara ett id av rätt form (ett UUID)",
    } as Record<string, string>,
  },
  en: {
    required: "Required",
    atLeastOne: "Choose or enter at least one",
    characters: (bound: string) => `${bound} characters`,
    items: (bound: string) => `${bound} items`,
    atMost: (n: number) => `At most ${n}`,
    lessThan: (n: number) => `Less than ${n}`,
    atLeast: (n: number) => `At least ${n}`,
    moreThan: (n: number) => `More than ${n}`,
    // zod's English says these plainly enough: "Invalid input: expected string, received number".
    expected: {} as Record<string, string>,
    format: {
      email: "Enter an e-mail address, such as name@municipality.se",
      uuid: "Must be an id of the right form (a UUID)",
    } as Record<string, string>,
  },
} as const;

export function plainMessage(issue: PlainIssue, language: PlainLanguage): string | undefined {
  const words = WORDS[language];
  const unit = (bound: string) =>
    issue.origin === "string" ? words.characters(bound) : issue.origin === "array" ? words.items(bound) : bound;
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return words.required;
      return (words.expected as Record<string, string>)[issue.expected ?? ""];
    case "too_big": {
      const n = Number(issue.maximum);
      return unit(issue.inclusive === false ? words.lessThan(n) : words.atMost(n));
    }
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.inclusive !== false && n === 1 && issue.origin === "string") return words.required;
      if (issue.inclusive !== false && n === 1 && issue.origin === "array") return words.atLeastOne;
      return unit(issue.inclusive === false ? words.moreThan(n) : words.atLeast(n));
    }
    case "invalid_format":
      return words.format[issue.format ?? ""];
    default:
      return undefined;
  }
}
