import { defineMessages } from "../../i18n/define-messages";

export const messages = defineMessages(
  {
    checkInsDue: "Avstämningar att hålla",
    checkInsDueNone: "Ingen avstämning är försenad eller ska hållas inom 14 dagar.",
    checkInOverdueOn: (date: string) => `Försenad: skulle ha hållits ${date}`,
    checkInNeverHeld: "Ingen avstämning hållen än",
    checkInNeverHeldFirstBy: (date: string) => `Ingen avstämning hållen än, första senast ${date}`,
    checkInDueOn: (date: string) => `Ska hållas senast ${date}`,
    recordCheckIn: "För in en avstämning",

    ownNextSteps: "Dina nästa steg",
    ownNextStepsNone: "Du har inga öppna nästa steg.",
    dueOn: (date: string) => `Klart senast ${date}`,
    overdueSince: (date: string) => `Försenat: skulle vara klart ${date}`,
    noDue: "Inget datum satt",
    agreedAt: (date: string) => `Beslutat på mötet ${date}`,

    minutesToAdjust: "Protokoll du ska justera",
    minutesToAdjustNone: "Du har inga protokoll att justera.",
    meetingOn: (date: string) => `Mötet ${date}`,
    otherAdjusterDone: "Den andra justeraren har justerat.",

    answerSignal: "Svara på signalen",
  },
  {
    checkInsDue: "Check-ins to hold",
    checkInsDueNone: "No check-in is overdue or due within 14 days.",
    checkInOverdueOn: (date) => `Overdue: due ${date}`,
    checkInNeverHeld: "No check-in held yet",
    checkInNeverHeldFirstBy: (date) => `No check-in held yet, the first due ${date}`,
    checkInDueOn: (date) => `Due by ${date}`,
    recordCheckIn: "Record a check-in",

    ownNextSteps: "Your next steps",
    ownNextStepsNone: "You have no open next steps.",
    dueOn: (date) => `Due ${date}`,
    overdueSince: (date) => `Overdue: due ${date}`,
    noDue: "No date set",
    agreedAt: (date) => `Agreed at the meeting of ${date}`,

    minutesToAdjust: "Minutes you must adjust",
    minutesToAdjustNone: "You have no minutes to adjust.",
    meetingOn: (date) => `The meeting of ${date}`,
    otherAdjusterDone: "The other adjuster has adjusted.",

    answerSignal: "Answer the signal",
  },
);
