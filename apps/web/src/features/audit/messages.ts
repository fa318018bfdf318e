import { defineMessages } from "../../i18n/define-messages";

// The auditor's words (GLOSSARY.md: revisor, granskning; sigill, förseglad logg). The log is
// "händelseloggen": every change Mandat records, in order, never edited.

const sv = {
  title: "Granskning",
  intro:
    "Här kontrollerar du att händelseloggen är hel och oförändrad, och laddar ned den för egen granskning. Loggen är allt Mandat har registrerat, i ordning.",
  notForYou: "Den här sidan är för revisorer och administratörer. Du har inte den rollen.",

  verifyHeading: "Är loggen oförändrad?",
  verifyExplained:
    "Varje händelse har ett hashvärde, ett fingeravtryck av innehållet som också bygger på händelsen före. Ändras eller tas något bort stämmer fingeravtrycken inte längre.",
  sealsExplained:
    "Ett sigill är en signerad sammanfattning av hela loggen vid en tidpunkt. Det visar att inga händelser har tagits bort eller skrivits om efteråt.",
  verifyAgain: "Kontrollera igen",
  checking: "Kontrollerar loggen …",
  ok: "Loggen håller: inget är ändrat.",
  broken: "Loggen håller inte.",
  checkedEvents: "Kontrollerade händelser",
  checkedSeals: "Kontrollerade sigill",
  checkedAt: "Kontrollerad",
  latestSeal: "Senaste sigillet",
  latestSealText: (events: number, when: string) => `täcker ${events} händelser, gjort ${when}`,
  noSeals: "Inga sigill ännu",
  brokenAtHeading: "Första händelsen som inte stämmer",
  position: "Plats i loggen",
  stream: "Ström",
  revision: "Nummer i strömmen",
  eventId: "Händelsens id",
  whatFailed: "Vad som inte stämmer",
  reason: {
    "hash-mismatch": "Hashvärdet stämmer inte med innehållet: händelsen har ändrats.",
    "prev-hash-mismatch": "Händelsen pekar inte på den förra händelsens hashvärde: något före den har ändrats eller tagits bort.",
    "revision-gap": "En händelse saknas i strömmen.",
    "position-gap": "En plats i loggen saknas.",
    "position-not-increasing": "Platserna i loggen går inte framåt.",
    "recorded-before-previous": "Händelsen är registrerad före den förra.",
  } as Record<string, string>,
  sealFailuresHeading: "Sigill som inte håller",
  storageHeading: "Databasfilen är skadad",
  storageExplained:
    "Händelserna läses ännu hela, men filen som loggen lagras i har fel som kan göra delar av den oläsliga. Återställ den från en säkerhetskopia som håller.",
  announceStorageBroken: "Kontrollen är klar. Databasfilen som loggen lagras i är skadad.",
  sealProblem: {
    truncated: "Loggen är kortare än sigillet: händelser har tagits bort i slutet.",
    "digest-mismatch": "Händelserna som sigillet täcker har skrivits om.",
    "bad-signature": "Signaturen stämmer inte.",
    "unknown-key": "Sigillet är signerat med en okänd nyckel.",
    "not-reached": "Inte kontrollerat: kontrollen stannade vid en trasig händelse.",
  } as Record<string, string>,
  sealLabel: (events: number) => `Sigillet över ${events} händelser`,
  announceOk: (events: number, seals: number) => `Kontrollen är klar. Loggen håller: ${events} händelser och ${seals} sigill.`,
  announceBroken: (position: number) => `Kontrollen är klar. Loggen håller inte, från plats ${position}.`,
  announceSealsBroken: "Kontrollen är klar. Ett eller flera sigill håller inte.",
  announceFailed: "Kontrollen kunde inte göras. Försök igen om en stund.",

  exportHeading: "Ladda ned loggen",
  exportExplained:
    "Filen innehåller händelserna som de är lagrade, med hashvärden, så att du kan kontrollera dem själv. Samma fil som kommandot mandat export ger.",
  whichEvents: "Vilka händelser?",
  wholeLog: "Hela loggen",
  initiativeNote: "Ett initiativ: dess egna händelser och signaler och spänningar om det.",
  periodLegend: "Period (valfritt)",
  periodNote: "När händelserna registrerades. Lämna tomt för allt.",
  from: "Från och med",
  to: "Till och med",
  toBeforeFrom: "Till-datumet är före från-datumet.",
  format: "Format",
  formatCsv: "CSV för Excel",
  formatJsonl: "JSON Lines (en händelse per rad)",
  download: "Ladda ned",
  downloadWhat: (what: string, format: string) => `${what}, ${format}`,
};

const en: typeof sv = {
  title: "Audit",
  intro:
    "Here you check that the event log is whole and unchanged, and download it to examine yourself. The log is everything Mandat has recorded, in order.",
  notForYou: "This page is for auditors and administrators. You do not have that role.",

  verifyHeading: "Is the log unchanged?",
  verifyExplained:
    "Every event has a hash, a fingerprint of its content that also builds on the event before it. If anything is changed or removed, the fingerprints no longer match.",
  sealsExplained:
    "A seal is a signed summary of the whole log at one moment. It shows that no events were removed or rewritten afterwards.",
  verifyAgain: "Verify again",
  checking: "Checking the log …",
  ok: "The log holds: nothing has been changed.",
  broken: "The log does not hold.",
  checkedEvents: "Events checked",
  checkedSeals: "Seals checked",
  checkedAt: "Checked",
  latestSeal: "Latest seal",
  latestSealText: (events: number, when: string) => `covers ${events} events, made ${when}`,
  noSeals: "No seals yet",
  brokenAtHeading: "The first event that does not match",
  position: "Position in the log",
  stream: "Stream",
  revision: "Number in the stream",
  eventId: "Event id",
  whatFailed: "What does not match",
  reason: {
    "hash-mismatch": "The hash does not match the content: the event has been changed.",
    "prev-hash-mismatch": "The event does not point to the previous event's hash: something before it was changed or removed.",
    "revision-gap": "An event is missing from the stream.",
    "position-gap": "A position in the log is missing.",
    "position-not-increasing": "The positions in the log do not move forward.",
    "recorded-before-previous": "The event is recorded before the previous one.",
  } as Record<string, string>,
  sealFailuresHeading: "Seals that do not hold",
  storageHeading: "The database file is damaged",
  storageExplained:
    "The events still read back whole, but the file the log is kept in has faults that can make parts of it unreadable. Restore it from a backup that verifies.",
  announceStorageBroken: "The check is done. The database file the log is kept in is damaged.",
  sealProblem: {
    truncated: "The log is shorter than the seal: events were removed at its end.",
    "digest-mismatch": "The events the seal covers have been rewritten.",
    "bad-signature": "The signature does not match.",
    "unknown-key": "The seal is signed with an unknown key.",
    "not-reached": "Not checked: the check stopped at a broken event.",
  } as Record<string, string>,
  sealLabel: (events: number) => `The seal over ${events} events`,
  announceOk: (events: number, seals: number) => `The check is done. The log holds: ${events} events and ${seals} seals.`,
  announceBroken: (position: number) => `The check is done. The log does not hold, from position ${position}.`,
  announceSealsBroken: "The check is done. One or more seals do not hold.",
  announceFailed: "The check could not be made. Try again in a moment.",

  exportHeading: "Download the log",
  exportExplained:
    "The file holds the events as stored, with their hashes, so you can check them yourself. It is the same file the mandat export command gives.",
  whichEvents: "Which events?",
  wholeLog: "The whole log",
  initiativeNote: "An initiative: its own events and the signals and tensions about it.",
  periodLegend: "Period (optional)",
  periodNote: "When the events were recorded. Leave empty for all.",
  from: "From",
  to: "To (inclusive)",
  toBeforeFrom: "The to date is before the from date.",
  format: "Format",
  formatCsv: "CSV for Excel",
  formatJsonl: "JSON Lines (one event per line)",
  download: "Download",
  downloadWhat: (what: string, format: string) => `${what}, ${format}`,
};

export const messages = defineMessages(sv, en);
