import type { PackageFile } from "./package-file.js";
import { attributes, xmlEscape } from "./xml.js";

/** Something that happened to the records on their way into the package. */
export interface PreservationEvent {
  readonly type: "creation" | "fixity check" | "message digest calculation";
  readonly dateTime: string;
  readonly detail: string;
  readonly outcome: "success" | "failure";
  readonly outcomeDetail?: string;
}

/**
 * PREMIS 3 preservation metadata for the package: one object per file with its size,
 * format and SHA-256 fixity, the events that made the package (the log read and checked
 * against its seals, the digests computed, the package created), and the software as agent.
 */
export function packagePremis(
  files: ReadonlyArray<PackageFile>,
  events: ReadonlyArray<PreservationEvent>,
  software: { readonly name: string; readonly version: string },
): string {
  const objects = files
    .map(
      (file) => `  <premis:object xsi:type="premis:file">
    <premis:objectIdentifier>
      <premis:objectIdentifierType>local</premis:objectIdentifierType>
      <premis:objectIdentifierValue>${xmlEscape(file.path)}</premis:objectIdentifierValue>
    </premis:objectIdentifier>
    <premis:objectCharacteristics>
      <premis:compositionLevel>0</premis:compositionLevel>
      <premis:fixity>
        <premis:messageDigestAlgorithm>SHA-256</premis:messageDigestAlgorithm>
        <premis:messageDigest>${file.sha256}</premis:messageDigest>
        <premis:messageDigestOriginator>${xmlEscape(software.name)}</premis:messageDigestOriginator>
      </premis:fixity>
      <premis:size>${file.size}</premis:size>
      <premis:format>
        <premis:formatDesignation>
          <premis:formatName>${xmlEscape(file.mimeType)}</premis:formatName>
        </premis:formatDesignation>
      </premis:format>
    </premis:objectCharacteristics>
  </premis:object>
`,
    )
    .join("");
  const eventElements = events
    .map(
      (event, index) => `  <premis:event>
    <premis:eventIdentifier>
      <premis:eventIdentifierType>local</premis:eventIdentifierType>
      <premis:eventIdentifierValue>event-${index + 1}</premis:eventIdentifierValue>
    </premis:eventIdentifier>
    <premis:eventType>${xmlEscape(event.type)}</premis:eventType>
    <premis:eventDateTime>${xmlEscape(event.dateTime)}</premis:eventDateTime>
    <premis:eventDetailInformation>
      <premis:eventDetail>${xmlEscape(event.detail)}</premis:eventDetail>
    </premis:eventDetailInformation>
    <premis:eventOutcomeInformation>
      <premis:eventOutcome>${event.outcome}</premis:eventOutcome>${
        event.outcomeDetail === undefined
          ? ""
          : `
      <premis:eventOutcomeDetail>
        <premis:eventOutcomeDetailNote>${xmlEscape(event.outcomeDetail)}</premis:eventOutcomeDetailNote>
      </premis:eventOutcomeDetail>`
      }
    </premis:eventOutcomeInformation>
    <premis:linkingAgentIdentifier>
      <premis:linkingAgentIdentifierType>local</premis:linkingAgentIdentifierType>
      <premis:linkingAgentIdentifierValue>agent-software</premis:linkingAgentIdentifierValue>
    </premis:linkingAgentIdentifier>
  </premis:event>
`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<premis:premis xmlns:premis="http://www.loc.gov/premis/v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"${attributes({ version: "3.0" })}>
${objects}${eventElements}  <premis:agent>
    <premis:agentIdentifier>
      <premis:agentIdentifierType>local</premis:agentIdentifierType>
      <premis:agentIdentifierValue>agent-software</premis:agentIdentifierValue>
    </premis:agentIdentifier>
    <premis:agentName>${xmlEscape(software.name)}</premis:agentName>
    <premis:agentType>software</premis:agentType>
    <premis:agentVersion>${xmlEscape(software.version)}</premis:agentVersion>
  </premis:agent>
</premis:premis>
`;
}
