import { z } from "zod";
import { describe, expect, it } from "vitest";
import { parsePlainly, swedishIssues } from "./parse-input.js";

const schema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  people: z.array(z.string()).min(1).max(50),
  rating: z.number().int().min(1).max(5),
  amount: z.number().positive(),
  note: z.string().optional(),
});
const bad = { name: "", people: [], rating: 9, amount: 0, note: 3 };
const tooLong = { name: "x".repeat(201), people: Array(51).fill("p"), rating: 0, amount: 1 };

const messages = (error: z.ZodError | undefined) =>
  Object.fromEntries(error!.issues.map((issue) => [issue.path[0], issue.message]));

describe("plain messages for what people meet most", () => {
  it("say in Swedish what is missing, too long or too few, and what a field must be", () => {
    expect(messages(swedishIssues(schema, bad))).toEqual({
      name: "Fyll i fältet",
      people: "Välj eller fyll i minst en",
      rating: "Högst 5",
      amount: "Större än 0",
      note: "Ska vara text",
    });
    expect(messages(swedishIssues(schema, tooLong))).toEqual({
      name: "Högst 200 tecken",
      people: "Högst 50 stycken",
      rating: "Minst 1",
    });
    expect(messages(swedishIssues(schema, {}))).toMatchObject({ name: "Fyll i fältet", people: "Fyll i fältet" });
  });

  it("say the same in English, leaving a wrong type to zod's own words", () => {
    expect(messages(parsePlainly(schema, bad).error)).toEqual({
      name: "Required",
      people: "Choose or enter at least one",
      rating: "At most 5",
      amount: "More than 0",
      note: "Invalid input: expected string, received number",
    });
    expect(messages(parsePlainly(schema, tooLong).error)).toEqual({
      name: "At most 200 characters",
      people: "At most 50 items",
      rating: "At least 1",
    });
  });

  it("say what an e-mail address or an id looks like, in both languages", () => {
    const formats = z.strictObject({ email: z.email(), id: z.uuid() });
    const wrong = { email: "inte-en-adress", id: "nope" };
    expect(messages(swedishIssues(formats, wrong))).toEqual({
      email: "Skriv en e-postadress, till exempel namn@kommun.se",
      id: "Ska vara ett id av rätt form (ett UUID)",
    });
    expect(messages(parsePlainly(formats, wrong).error)).toEqual({
      email: "Enter an e-mail address, such as name@municipality.se",
      id: "Must be an id of the right form (a UUID)",
    });
  });
});
