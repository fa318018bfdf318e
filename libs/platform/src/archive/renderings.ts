import type { MandateVersion, RegisteredMinutes } from "#projections";
import { xmlEscape as e } from "./xml.js";

/** The print stylesheet every rendering links to: A4, serif text, no page break inside a §. */
export const PRINT_CSS = `@page { size: A4; margin: 20mm; }
body { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.4; max-width: 48em; margin: 2em auto; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #999; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
.seal { font-family: monospace; font-size: 8pt; word-break: break-all; }
section, tr { page-break-inside: avoid; }
@media print { a { color: inherit; text-decoration: none; } }
`;

/** A page both a browser and an XML parser read: XHTML written as HTML5. */
const page = (title: string, depth: number, body: string): string => `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="sv" xml:lang="sv">
<head>
<meta charset="utf-8"/>
<title>${e(title)}</title>
<link rel="stylesheet" href="${"../".repeat(depth)}print.css"/>
</head>
<body>
${body}
<p><small>Personer anges med sitt id: namnen är förseglade i loggen (se dokumentationen). / People are named by their id: names are sealed in the log (see the documentation).</small></p>
</body>
</html>
`;

const list = (items: ReadonlyArray<string>): string =>
  items.length === 0 ? "<p>–</p>" : `<ul>${items.map((item) => `<li>${e(item)}</li>`).join("")}</ul>`;

const row = (label: string, value: string | number | null | undefined): string =>
  `<tr><th>${label}</th><td>${value === null || value === undefined ? "–" : e(value)}</td></tr>`;

/** A meeting's minutes (protokoll) with their registration numbers, as the minutes read model holds them. */
export function minutesPage(minutes: RegisteredMinutes): string {
  const decisions = minutes.decisions
    .map(
      (decision) => `<section>
<h3>${decision.paragraph === null ? "" : `§ ${decision.paragraph} `}${e(decision.subject)}</h3>
<p>${e(decision.decision)}</p>${decision.rationale ? `\n<p><em>Motivering / Rationale:</em> ${e(decision.rationale)}</p>` : ""}
<p><small>${e(decision.kind)} · ${e(decision.decisionId)}${decision.registrationNumber ? ` · ${e(decision.registrationNumber)}` : ""}</small></p>
</section>`,
    )
    .join("\n");
  const seal = minutes.approvalSeal;
  return page(
    `Protokoll ${minutes.heldOn ?? minutes.plannedOn ?? ""} (${minutes.focusArea})`,
    1,
    `<h1>Protokoll / Minutes: ${e(minutes.focusArea)}, ${e(minutes.heldOn ?? minutes.plannedOn ?? "")}</h1>
<table>
${row("Möte / Meeting", minutes.id)}
${row("Organ / Body", minutes.body)}
${row("Status", minutes.status)}
${row("Diarienummer / Registration number", minutes.registrationNumber)}
${row("Ordförande / Chair", minutes.chairId)}
${row("Sekreterare / Secretary", minutes.secretaryId)}
${row("Justerare / Adjusters", minutes.adjusterIds.join(", ") || null)}
${row("Justerat / Approved", minutes.approvedOn)}
</table>
<h2>Närvarande / Present</h2>
${list(minutes.attendees)}
<h2>Frånvarande / Absent</h2>
${list(minutes.absentees)}
<h2>Dagordning / Agenda</h2>
${list(minutes.agendaItems.map((item) => `§ ${item.paragraph} ${item.title}`))}
<h2>Beslut / Decisions</h2>
${decisions || "<p>–</p>"}
<h2>Kommentarer / Comments</h2>
${list(minutes.comments.map((comment) => `${comment.topic}: ${comment.comment}`))}
<h2>Nästa steg / Next steps</h2>
${list(minutes.nextSteps.map((step) => `${step.text}${step.ownerId ? ` (${step.ownerId})` : ""}${step.due ? `, ${step.due}` : ""}: ${step.status}`))}
<h2>Rättelser / Corrections</h2>
${list(minutes.corrections.map((correction) => `${correction.recordedAt}: ${correction.correction} (${correction.reason})`))}
<h2>Sigill vid justering / Seal at approval</h2>
${
  seal
    ? `<p>Loggen förseglad när protokollet justerades / The log sealed as the minutes were approved:</p>
<table class="seal">
${row("eventCount", seal.eventCount)}
${row("position", seal.position)}
${row("digest", seal.digest)}
${row("sealedAt", seal.sealedAt)}
${row("keyId", seal.keyId)}
${row("signature", seal.signature)}
</table>`
    : "<p>–</p>"
}`,
  );
}

/** An initiative's mandate history: every version, as the mandate history read model reads it. */
export function mandateHistoryPage(initiativeId: string, versions: ReadonlyArray<MandateVersion>): string {
  const sections = versions
    .map(
      (version) => `<section>
<h2>${e(version.mandateId)}, version ${version.version}: ${e(version.change)} ${e(version.effectiveFrom)}</h2>
<table>
${row("Giltigt / Valid", `${version.validFrom} – ${version.validUntil ?? ""}`)}
${row("Återkallat från / Revoked from", version.revokedFrom)}
${row("Styrning / Steering", version.steering)}
${row("Budget (SEK)", version.budgetSek)}
${row("Skäl / Reason", version.reason)}
${row("Beslut / Decision", version.decision ? `${version.decision.meetingId} ${version.decision.decisionId}` : null)}
${row("Registrerat / Recorded", `${version.recordedAt} (${version.recordedBy})`)}
</table>
<h3>Omfattning / Scope</h3>
${list(version.scope)}
<h3>Gränser / Boundaries</h3>
${list(version.boundaries)}
<h3>Principer / Principles</h3>
${list(version.principles)}
</section>`,
    )
    .join("\n");
  return page(
    `Mandathistorik ${initiativeId}`,
    1,
    `<h1>Mandathistorik / Mandate history: ${e(initiativeId)}</h1>\n${sections || "<p>–</p>"}`,
  );
}

/** The representation's index: what each rendering is, linked. */
export function indexPage(meetings: ReadonlyArray<{ id: string; label: string }>, initiatives: ReadonlyArray<string>): string {
  const link = (href: string, text: string) => `<li><a href="${e(href)}">${e(text)}</a></li>`;
  return page(
    "Mandat: arkivpaket / archival package",
    0,
    `<h1>Mandat: arkivpaket / archival package</h1>
<p><a href="events.jsonl">events.jsonl</a>: loggen / the log. <a href="seals.jsonl">seals.jsonl</a>, <a href="seal-keys.jwks.json">seal-keys.jwks.json</a>: sigill och nycklar / seals and keys.</p>
<h2>Protokoll / Minutes</h2>
<ul>${meetings.map((meeting) => link(`minutes/${meeting.id}.html`, meeting.label)).join("")}</ul>
<h2>Mandathistorik / Mandate histories</h2>
<ul>${initiatives.map((id) => link(`mandates/${id}.html`, id)).join("")}</ul>`,
  );
}
