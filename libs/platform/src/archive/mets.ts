import type { PackageFile } from "./package-file.js";
import { attributes, xmlEscape } from "./xml.js";

export const CSIP_PROFILE = "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml";
export const CONTENT_INFORMATION_TYPE = "Mandat event log, version 1";

export interface PackageHeader {
  /** The package id: the root folder's name too (CSIPSTR2). */
  readonly objectId: string;
  readonly label: string;
  readonly created: string;
  readonly softwareVersion: string;
}

/** A file group of the file section: documentation or the representation's data. */
interface FileGroup {
  readonly id: string;
  readonly use: "Documentation" | "Representations";
  readonly files: ReadonlyArray<PackageFile>;
}

/**
 * The package's root METS document after the E-ARK Common Specification for Information
 * Packages (CSIP 2.2): the header (CSIP1-16, CSIP117), the PREMIS file as digital
 * provenance (CSIP31-44), the file section with every file and its SHA-256 (CSIP58-79),
 * and the CSIP structural map (CSIP80-104, CSIP116, CSIP119). No XML schemas travel in
 * the package (CSIP113 not met): the documents name their namespaces only.
 */
export function packageMets(
  header: PackageHeader,
  premis: PackageFile,
  documentation: ReadonlyArray<PackageFile>,
  data: ReadonlyArray<PackageFile>,
): string {
  const groups: FileGroup[] = [
    { id: "filegrp-documentation", use: "Documentation", files: documentation },
    { id: "filegrp-representations", use: "Representations", files: data },
  ];
  let fileNumber = 0;
  const fileElement = (file: PackageFile) =>
    `      <mets:file${attributes({
      ID: `file-${++fileNumber}`,
      MIMETYPE: file.mimeType,
      SIZE: file.size,
      CREATED: file.created,
      CHECKSUM: file.sha256,
      CHECKSUMTYPE: "SHA-256",
    })}>\n        <mets:FLocat${attributes({ LOCTYPE: "URL", "xlink:type": "simple", "xlink:href": file.path })}/>\n      </mets:file>\n`;
  const fileGroups = groups
    .map(
      (group) =>
        `    <mets:fileGrp${attributes({
          ID: group.id,
          USE: group.use,
          ...(group.use === "Representations"
            ? { "csip:CONTENTINFORMATIONTYPE": "OTHER", "csip:OTHERCONTENTINFORMATIONTYPE": CONTENT_INFORMATION_TYPE }
            : {}),
        })}>\n${group.files.map(fileElement).join("")}    </mets:fileGrp>\n`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS"${attributes(
    {
      OBJID: header.objectId,
      LABEL: header.label,
      TYPE: "Mixed",
      "csip:CONTENTINFORMATIONTYPE": "OTHER",
      "csip:OTHERCONTENTINFORMATIONTYPE": CONTENT_INFORMATION_TYPE,
      PROFILE: CSIP_PROFILE,
    },
  )}>
  <mets:metsHdr${attributes({ CREATEDATE: header.created, RECORDSTATUS: "NEW", "csip:OAISPACKAGETYPE": "SIP" })}>
    <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">
      <mets:name>Mandat</mets:name>
      <mets:note csip:NOTETYPE="SOFTWARE VERSION">${xmlEscape(header.softwareVersion)}</mets:note>
    </mets:agent>
  </mets:metsHdr>
  <mets:amdSec ID="amdsec-1">
    <mets:digiprovMD ID="digiprov-premis" STATUS="CURRENT">
      <mets:mdRef${attributes({
        LOCTYPE: "URL",
        "xlink:type": "simple",
        "xlink:href": premis.path,
        MDTYPE: "PREMIS",
        MIMETYPE: premis.mimeType,
        SIZE: premis.size,
        CREATED: premis.created,
        CHECKSUM: premis.sha256,
        CHECKSUMTYPE: "SHA-256",
      })}/>
    </mets:digiprovMD>
  </mets:amdSec>
  <mets:fileSec ID="filesec-1">
${fileGroups}  </mets:fileSec>
  <mets:structMap ID="structmap-csip" TYPE="PHYSICAL" LABEL="CSIP">
    <mets:div${attributes({ ID: "div-package", LABEL: header.objectId })}>
      <mets:div ID="div-metadata" LABEL="Metadata" ADMID="digiprov-premis"/>
      <mets:div ID="div-documentation" LABEL="Documentation">
        <mets:fptr FILEID="filegrp-documentation"/>
      </mets:div>
      <mets:div ID="div-representations" LABEL="Representations">
        <mets:fptr FILEID="filegrp-representations"/>
      </mets:div>
    </mets:div>
  </mets:structMap>
</mets:mets>
`;
}
