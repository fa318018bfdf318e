import type { Seal, SealKeySet, SealedVerifyReport } from "#event-store";
import type { MandateVersion, RegisteredMinutes } from "#projections";
import { FORMAT_DESCRIPTIONS } from "./format-description.js";
import { type PackageHeader, packageMets } from "./mets.js";
import { type PackageFile, fileOf } from "./package-file.js";
import { type PreservationEvent, packagePremis } from "./premis.js";
import { PRINT_CSS, indexPage, mandateHistoryPage, minutesPage } from "./renderings.js";

export const DATA = "representations/rep1/data";

/** What goes into an archival package: the log (already written to a file), its seals and keys, and the renderings' sources. */
export interface ArchiveContents {
  readonly header: PackageHeader;
  /** events.jsonl, written while the log was read, with its fixity. */
  readonly log: Omit<PackageFile, "path" | "mimeType">;
  readonly seals: ReadonlyArray<Seal>;
  readonly keys: SealKeySet;
  /** The log checked when it was read: chains and seals, for the package's provenance. */
  readonly verification: SealedVerifyReport;
  readonly minutes: ReadonlyArray<RegisteredMinutes>;
  readonly mandates: ReadonlyArray<{ readonly initiativeId: string; readonly versions: ReadonlyArray<MandateVersion> }>;
}

/**
 * Every file of the package, paths relative to its root: the data and renderings, the
 * format description, the PREMIS file over all of them, and METS.xml over everything.
 */
export function archivalPackage(contents: ArchiveContents): ReadonlyArray<PackageFile> {
  const { created } = contents.header;
  const data: PackageFile[] = [
    { ...contents.log, path: `${DATA}/events.jsonl`, mimeType: "application/x-ndjson" },
    fileOf(
      `${DATA}/seals.jsonl`,
      "application/x-ndjson",
      contents.seals.map((seal) => `${JSON.stringify(seal)}\n`).join(""),
      created,
    ),
    fileOf(`${DATA}/seal-keys.jwks.json`, "application/jwk-set+json", `${JSON.stringify(contents.keys, null, 2)}\n`, created),
    fileOf(`${DATA}/print.css`, "text/css", PRINT_CSS, created),
    fileOf(
      `${DATA}/index.html`,
      "text/html",
      indexPage(
        contents.minutes.map((minutes) => ({
          id: minutes.id,
          label: `${minutes.heldOn ?? minutes.plannedOn} ${minutes.focusArea}`,
        })),
        contents.mandates.map(({ initiativeId }) => initiativeId),
      ),
      created,
    ),
    ...contents.minutes.map((minutes) =>
      fileOf(`${DATA}/minutes/${minutes.id}.html`, "text/html", minutesPage(minutes), created),
    ),
    ...contents.mandates.map(({ initiativeId, versions }) =>
      fileOf(`${DATA}/mandates/${initiativeId}.html`, "text/html", mandateHistoryPage(initiativeId, versions), created),
    ),
  ];
  const documentation = FORMAT_DESCRIPTIONS.map(({ lang, text }) =>
    fileOf(`documentation/format.${lang}.txt`, "text/plain", text, created),
  );
  const premis = fileOf(
    "metadata/preservation/premis.xml",
    "application/xml",
    packagePremis([...data, ...documentation], provenance(contents), {
      name: "Mandat",
      version: contents.header.softwareVersion,
    }),
    created,
  );
  const mets = fileOf("METS.xml", "application/xml", packageMets(contents.header, premis, documentation, data), created);
  return [mets, premis, ...documentation, ...data];
}

/** The events that made the package: the log checked against its seals, the digests, the package. */
function provenance({ verification, header, seals }: ArchiveContents): PreservationEvent[] {
  const sealFailures = verification.seals?.failures ?? [];
  return [
    {
      type: "fixity check",
      dateTime: header.created,
      detail: `The log's hash chains and its ${seals.length} seals checked as the log was read (${verification.checkedEvents} events)`,
      outcome: verification.ok ? "success" : "failure",
      ...(verification.ok
        ? {}
        : {
            outcomeDetail: [
              verification.brokenAt
                ? `broken at position ${verification.brokenAt.position} (${verification.brokenAt.reason})`
                : "",
              ...sealFailures.map((failure) => `seal of ${failure.seal.eventCount} events: ${failure.problem}`),
            ]
              .filter(Boolean)
              .join("; "),
          }),
    },
    { type: "message digest calculation", dateTime: header.created, detail: "SHA-256 of every file", outcome: "success" },
    {
      type: "creation",
      dateTime: header.created,
      detail: `E-ARK SIP ${header.objectId} created by mandat archive`,
      outcome: "success",
    },
  ];
}
