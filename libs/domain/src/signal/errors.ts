import { rule } from "../shared/rule-violation.js";

export class SignalAlreadySubmitted extends rule("signal-already-submitted", {
  en: "The signal is already submitted",
  sv: "Signalen är redan inskickad",
}) {}

export class SignalNotSubmitted extends rule("signal-not-submitted", {
  en: "No such signal has been submitted",
  sv: "Ingen sådan signal har skickats in",
}) {}

export class SignalAlreadyAnswered extends rule("signal-already-answered", {
  en: "The signal is already answered; it is answered once and cannot be withdrawn",
  sv: "Signalen är redan besvarad; den besvaras en gång och kan inte dras tillbaka",
}) {}

export class SignalWithdrawnError extends rule("signal-withdrawn", {
  en: "The signal is withdrawn and takes no further command",
  sv: "Signalen är tillbakadragen och tar inte emot fler kommandon",
}) {}

export class MandateAdjustmentNeedsMandate extends rule("mandate-adjustment-needs-mandate", {
  en: "An answer that adjusts the mandate must name the mandate as its follow-up",
  sv: "Ett svar som justerar mandatet måste ange mandatet som uppföljning",
}) {}

export class FollowUpNotFound extends rule("follow-up-not-found", {
  en: "The mandate or tension named as follow-up does not concern the signal's initiative",
  sv: "Mandatet eller spänningen som anges som uppföljning gäller inte signalens initiativ",
}) {}

export class MandateAdjustmentNeedsAmendment extends rule("mandate-adjustment-needs-amendment", {
  en: "An answer that adjusts the mandate must cite an amendment of that mandate that names this signal as its trigger",
  sv: "Ett svar som justerar mandatet måste hänvisa till en ändring av mandatet som anger denna signal som orsak",
}) {}

export class SignalObservedInFuture extends rule("signal-observed-in-future", {
  en: "A signal tells of what was observed by today at the latest",
  sv: "En signal berättar om något som har iakttagits, senast i dag",
}) {}
