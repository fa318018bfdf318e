import { z } from "zod";

/** Limits on free text: every string a client can send has a maximum length. */
export const TEXT_LIMITS = { name: 200, short: 500, long: 4_000, list: 50 } as const;

/**
 * Characters no text field takes: the C0 and C1 controls but tab and newline (NUL,
 * terminal escapes, carriage returns), DEL, the bidirectional embeddings, overrides and
 * isolates that make text read otherwise than it is stored (U+202A-U+202E,
 * U+2066-U+2069), and a surrogate without its pair, which is no character at all.
 */
const REFUSED_IN_TEXT = /(?![\t\n])\p{Cc}|[\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;

/**
 * Free text of at most `max` characters: trimmed and NFC-normalised (so `é` is one code
 * point however it was typed, and compares equal), the characters above refused. Event
 * schemas are built from these same primitives and check what is appended; stored events
 * are never parsed again on reading (deciders, projections and upcasters take them as
 * written), so an event recorded before this rule still reads.
 */
const text = (min: 0 | 1, max: number) =>
  z
    .string()
    .trim()
    .overwrite((value) => value.normalize("NFC"))
    .min(min)
    .max(max)
    // In words its writer can act on: these come in with text pasted from Word and the like.
    // (Given as bilingual() gives it, which is declared further down.)
    .refine((value) => !REFUSED_IN_TEXT.test(value), {
      message:
        "The text holds a character that cannot be kept (a control character, such as a line break from Word, or a direction mark): retype that part",
      params: {
        sv: "Texten innehåller ett tecken som inte kan sparas (ett styrtecken, som en radbrytning från Word, eller ett riktningstecken): skriv om den delen",
      },
    });

export const name = text(1, TEXT_LIMITS.name);
export const shortText = text(1, TEXT_LIMITS.short);
export const longText = text(1, TEXT_LIMITS.long);
/** Free text that may be empty (notes, descriptions). */
export const optionalLongText = text(0, TEXT_LIMITS.long);
export const textList = z.array(shortText).max(TEXT_LIMITS.list);

/**
 * The calendar dates the collaboration's records can carry: the years its budgets and
 * registration numbers (diarienummer) take. Beyond them a date is a typing error (0024 for
 * 2024), and the Stockholm calendar's own rules stop holding: before 1879 its offset was
 * not a whole hour.
 */
export const CALENDAR_RANGE = { from: "2000-01-01", to: "2100-12-31" } as const;

/**
 * A refinement's message in both languages: zod's Swedish locale cannot translate a message
 * a schema writes itself, so the Swedish one travels in the issue's params (parse-input.ts).
 */
export const bilingual = (en: string, sv: string) => ({ message: en, params: { sv } });

/** The Swedish of an issue's own message, where its refinement gave one (bilingual). */
export const ownSwedish = (issue: { readonly code?: string; readonly params?: unknown }): string | undefined => {
  const sv = issue.code === "custom" ? (issue.params as { sv?: unknown } | undefined)?.sv : undefined;
  return typeof sv === "string" ? sv : undefined;
};

/** A calendar date, YYYY-MM-DD (valid time), within CALENDAR_RANGE. */
export const isoDate = z.iso
  .date()
  .refine(
    (date) => date >= CALENDAR_RANGE.from && date <= CALENDAR_RANGE.to,
    bilingual(
      `a date from ${CALENDAR_RANGE.from} to ${CALENDAR_RANGE.to}`,
      `ett datum från ${CALENDAR_RANGE.from} till ${CALENDAR_RANGE.to}`,
    ),
  );
/** An instant, ISO-8601 UTC (recorded time). */
export const isoInstant = z.iso.datetime({ offset: true });

export const rating = z.number().int().min(1).max(5);
/** Whole kronor, never negative. */
export const amountSek = z.number().int().nonnegative().max(1_000_000_000_000);

/**
 * An id: a UUID, read in either case as RFC 9562 asks, and kept in lower case as Mandat
 * writes ids, so that one id never names two streams or misses its own in a path.
 */
export const anId = () => z.uuid().toLowerCase();

export const OrganisationId = anId().brand<"OrganisationId">();
export type OrganisationId = z.infer<typeof OrganisationId>;
export const PersonId = anId().brand<"PersonId">();
export type PersonId = z.infer<typeof PersonId>;
export const InitiativeId = anId().brand<"InitiativeId">();
export type InitiativeId = z.infer<typeof InitiativeId>;
export const SignalId = anId().brand<"SignalId">();
export type SignalId = z.infer<typeof SignalId>;
export const TensionId = anId().brand<"TensionId">();
export type TensionId = z.infer<typeof TensionId>;
export const MeetingId = anId().brand<"MeetingId">();
export type MeetingId = z.infer<typeof MeetingId>;
export const DecisionId = anId().brand<"DecisionId">();
export type DecisionId = z.infer<typeof DecisionId>;
export const GoalId = anId().brand<"GoalId">();
export type GoalId = z.infer<typeof GoalId>;
export const MandateId = anId().brand<"MandateId">();
export type MandateId = z.infer<typeof MandateId>;
export const CheckInId = anId().brand<"CheckInId">();
export type CheckInId = z.infer<typeof CheckInId>;
export const ContextId = anId().brand<"ContextId">();
export type ContextId = z.infer<typeof ContextId>;
export const NextStepId = anId().brand<"NextStepId">();
export type NextStepId = z.infer<typeof NextStepId>;
export const BudgetLineId = anId().brand<"BudgetLineId">();
export type BudgetLineId = z.infer<typeof BudgetLineId>;

/** A focus area is named in URLs (budget-{focusArea}-{year}): a slug. */
export const FocusArea = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a lower-case slug such as alla-barn-och-unga-lyckas")
  .brand<"FocusArea">();
export type FocusArea = z.infer<typeof FocusArea>;

/** `{ meetingId, decisionId }`: a reference to a decision recorded in a meeting. */
export const DecisionRef = z.strictObject({ meetingId: MeetingId, decisionId: DecisionId });
export type DecisionRef = z.infer<typeof DecisionRef>;
