import { z } from "zod";

/**
 * Numbers in environment variables as people write them: digits, and a decimal point where a
 * fraction makes sense. `z.coerce.number()` also took `0x10` (port 16), `1e3` and ` 7 `,
 * which no one means in a configuration file.
 */
const DIGITS = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** A whole number from `min` to `max`, `fallback` when unset. */
export const wholeNumber = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(DIGITS, "a whole number written in digits")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .default(fallback);

/** A number with an optional decimal point (`0.5`), from `min` to `max`, `fallback` when unset. */
export const decimalNumber = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(DECIMAL, "a number written in digits, with a decimal point if need be")
    .transform(Number)
    .pipe(z.number().min(min).max(max))
    .default(fallback);
