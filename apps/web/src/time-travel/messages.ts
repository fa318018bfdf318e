import { defineMessages } from "../i18n/define-messages";

/** What a page shows in the past: its noun, and (in Swedish) the pronoun it takes ("det", "den"). */
export type PastSubject = "initiative" | "portfolio" | "decisions" | "minutes" | "meeting" | "mandate-story";

export const messages = defineMessages(
  {
    controlsTitle: "Tidsmaskin: visa en annan tidpunkt",
    controlsHint: "Lämna tomt för idag och allt som är känt nu.",
    at: "Gällande den",
    atHint: "Datum som ÅÅÅÅ-MM-DD, till exempel 2024-10-20.",
    asOf: "Som det var känt den",
    asOfHint: "Datum och tid som ÅÅÅÅ-MM-DD TT:MM, till exempel 2024-11-01 12:00.",
    show: "Visa",
    backToToday: "Tillbaka till idag",
    badAt: "Skriv ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2024-10-20.",
    badAsOf: "Skriv ett datum och en tid som finns, som ÅÅÅÅ-MM-DD TT:MM, till exempel 2024-11-01 12:00.",
    subject: {
      initiative: ["initiativet", "det"],
      portfolio: ["portföljen", "den"],
      decisions: ["beslutsloggen", "den"],
      minutes: ["protokollet", "det"],
      meeting: ["mötet", "det"],
      "mandate-story": ["mandatets historia", "den"],
    } as Record<PastSubject, readonly [string, string]>,
    /** "Du ser initiativet som det gällde den 20 oktober 2024, så som det var känt den 1 november 2024 kl. 12.00." */
    banner: (subject: readonly [string, string], at: string | null, asOf: string | null) =>
      [
        `Du ser ${subject[0]}`,
        at ? ` som ${subject[1]} gällde den ${at}` : "",
        asOf ? `${at ? "," : ""} så som det var känt den ${asOf}` : ", med allt som är känt nu",
        ".",
      ].join(""),
    readOnly: "Ingenting kan ändras i det förflutna.",
    unreadableTitle: "Länken anger en tid som inte kan läsas",
    unreadableIntro:
      "Sidan visas inte, för den skulle annars visa i dag i stället för den tid länken menar. Det här i adressen är inte ett datum (eller ett datum och en tid) mellan 2000 och 2100:",
    unreadableParameter: {
      galler: "Gällande den",
      kant: "Som det var känt den",
      fran: "Möten från och med",
      till: "Möten till och med",
    } as Record<string, string>,
    unreadableFix: "Rätta datumet i adressen, fråga den som skickade länken, eller",
    unreadableToday: "visa sidan som den är i dag",
    time: (hour: string, minute: string) => `kl. ${hour}.${minute}`,
    endOfDay: "vid dagens slut",
  },
  {
    controlsTitle: "Time machine: show another time",
    controlsHint: "Leave empty for today and everything known now.",
    at: "In force on",
    atHint: "A date as YYYY-MM-DD, for example 2024-10-20.",
    asOf: "As known on",
    asOfHint: "A date and time as YYYY-MM-DD HH:MM, for example 2024-11-01 12:00.",
    show: "Show",
    backToToday: "Back to today",
    badAt: "Enter a real date as YYYY-MM-DD, for example 2024-10-20.",
    badAsOf: "Enter a real date and time as YYYY-MM-DD HH:MM, for example 2024-11-01 12:00.",
    subject: {
      initiative: ["the initiative", "it"],
      portfolio: ["the portfolio", "it"],
      decisions: ["the decision log", "it"],
      minutes: ["the minutes", "they"],
      meeting: ["the meeting", "it"],
      "mandate-story": ["the mandate's story", "it"],
    },
    banner: (subject, at, asOf) =>
      [
        `You are seeing ${subject[0]}`,
        at ? ` in force on ${at}` : "",
        asOf ? `${at ? "," : ""} as it was known on ${asOf}` : ", with everything known now",
        ".",
      ].join(""),
    readOnly: "Nothing can be changed in the past.",
    unreadableTitle: "The link names a time that cannot be read",
    unreadableIntro:
      "The page is not shown, as it would otherwise show today instead of the time the link means. This in the address is not a date (or a date and time) between 2000 and 2100:",
    unreadableParameter: {
      galler: "In force on",
      kant: "As known on",
      fran: "Meetings from",
      till: "Meetings up to and including",
    },
    unreadableFix: "Correct the date in the address, ask whoever sent the link, or",
    unreadableToday: "show the page as it is today",
    time: (hour, minute) => `at ${hour}:${minute}`,
    endOfDay: "at the end of the day",
  },
);
