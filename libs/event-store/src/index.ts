export { uuidV7 } from "./ids/uuid-v7.js";
export * from "./port/errors.js";
export * from "./port/event-store.js";
export { type AppendError, EnqueuedAppend } from "./port/enqueued-append.js";
export * from "./port/event-store-admin.js";
export { type EventStoreObserver, NO_OBSERVER } from "./port/event-store-observer.js";
export { type ActualRevision, ExpectedRevision } from "./port/expected-revision.js";
export type { IdempotencyClaim, IdempotencyRecord } from "./port/idempotency-record.js";
export type { Actor, EventMetadata, EventMetadataInput, EventToAppend, RecordedEvent } from "./port/recorded-event.js";
export { logBatches } from "./port/log-batches.js";
export { type LogCursor, type LogCursorOptions, readAllCursor } from "./port/log-cursor.js";
export { canonicalJson } from "./integrity/canonical-json.js";
export { verifyStore } from "./integrity/verify-store.js";
export { UpcasterRegistry } from "./upcasting/upcaster-registry.js";
export { withUpcasting } from "./upcasting/with-upcasting.js";
export { copyLog, importAndVerify, requireEmpty } from "./migration/copy-log.js";
export type { SealedVerifyReport, VerifyOptions, VerifyProgress } from "./integrity/verify-store.js";
export { EMPTY_LOG_DIGEST, nextLogDigest, sealSigningInput, type Seal, type SealClaim } from "./seals/seal.js";
export {
  type SealKeySet,
  type SealPublicJwk,
  type SealSigningKey,
  checkSealSignature,
  publicJwk,
  sealKeyId,
} from "./seals/seal-keys.js";
export type { SealFinding, SealProblem, SealReport } from "./seals/seal-check.js";
export { SealKeyRing, type SealKeyRingService, SealStore, type SealStoreService } from "./seals/seal-store.js";
export { LogSealer, type LogSealerService, type SealPolicy, makeLogSealer } from "./seals/log-sealer.js";
