/**
 * The package's description of its own format, in Swedish and in English (documentation/):
 * what each file is, how to check the log against its seals, and how names are opened.
 */
export const FORMAT_DESCRIPTIONS: ReadonlyArray<{ readonly lang: "sv" | "en"; readonly text: string }> = [
  {
    lang: "sv",
    text: `Mandat: arkivpaketets format

Paketet är ett E-ARK-informationspaket (SIP, enligt CSIP 2.2). METS.xml i roten beskriver
paketet och varje fil med storlek och SHA-256. metadata/preservation/premis.xml har samma
kontrollsummor (PREMIS 3) och de händelser som skapade paketet.

representations/rep1/data/
  events.jsonl         Händelseloggen, en händelse per rad i loggens ordning, som den lagrats:
                       eventId, type, schemaVersion, streamId, revision, position, recordedAt
                       (UTC), data, metadata (aktör, hash, prevHash).
  seals.jsonl          Loggens sigill: { position, eventCount, digest, sealedAt, keyId, signature }.
  seal-keys.jwks.json  De publika nycklarna (Ed25519, JWKS) som sigillen kontrolleras med.
  minutes/*.html       Varje mötes protokoll, läsbart och utskrivbart.
  mandates/*.html      Varje initiativs mandathistorik.

Kontroll. Varje händelses hash är SHA-256 över händelsens kanoniska JSON utan hash (nycklar
sorterade, utan blanksteg, utan position) och kedjas per ström genom prevHash. Ett sigills
digest kedjar hasharna i loggens ordning: från 64 nollor, digest = SHA-256(digest || hash)
i hex. Signaturen är Ed25519 över den kanoniska JSON:en av sigillets övriga fem fält och
kontrolleras med nyckeln vars kid är sigillets keyId. Med Mandat: "mandat import
events.jsonl --seals seals.jsonl" i en tom logg kontrollerar kedjorna och varje sigill mot
dem, med nycklarna i seal-keys.jwks.json bredvid; "mandat verify" kontrollerar dem igen.

Personuppgifter. Namn och e-postadresser finns bara i händelser av typen PersonRegistered,
krypterade (AES-256-GCM) med en nyckel per person. Paketet innehåller inga nycklar. Namnen
kan öppnas med en kopia av Mandats nyckelarkiv (keys.sqlite): importera loggen med
nyckelarkivet bredvid och läs med "mandat history". En person som raderats i Mandat har
ingen nyckel längre: de uppgifterna kan inte öppnas av någon.
`,
  },
  {
    lang: "en",
    text: `Mandat: the archival package's format

The package is an E-ARK information package (a SIP, after CSIP 2.2). METS.xml at the root
describes the package and every file with its size and SHA-256. metadata/preservation/premis.xml
holds the same checksums (PREMIS 3) and the events that made the package.

representations/rep1/data/
  events.jsonl         The event log, one event per line in log order, as stored: eventId,
                       type, schemaVersion, streamId, revision, position, recordedAt (UTC),
                       data, metadata (actor, hash, prevHash).
  seals.jsonl          The log's seals: { position, eventCount, digest, sealedAt, keyId, signature }.
  seal-keys.jwks.json  The public keys (Ed25519, as a JWKS) that check the seals.
  minutes/*.html       Each meeting's minutes, readable and printable.
  mandates/*.html      Each initiative's mandate history.

Checking. Each event's hash is SHA-256 over the event's canonical JSON without the hash
(keys sorted, no whitespace, without position), chained per stream through prevHash. A
seal's digest chains the hashes in log order: from 64 zeros, digest = SHA-256(digest || hash)
in hex. The signature is Ed25519 over the canonical JSON of the seal's five other fields,
checked with the key whose kid is the seal's keyId. With Mandat: "mandat import events.jsonl
--seals seals.jsonl" into an empty log checks the chains and every seal against them, with
the keys in seal-keys.jwks.json beside it; "mandat verify" checks them again.

Personal data. Names and e-mail addresses exist only in PersonRegistered events, encrypted
(AES-256-GCM) with a key per person. The package holds no keys. The names can be opened
with a copy of Mandat's key store (keys.sqlite): import the log with the key store beside it
and read with "mandat history". A person erased in Mandat has no key any more: their data
cannot be opened by anyone.
`,
  },
];
