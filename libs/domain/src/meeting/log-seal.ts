import { z } from "zod";

/**
 * The seal of the whole event log made as the minutes were approved (docs/domain.md
 * "Minutes and the sealed log"): printed with the protocol, it anchors the log outside the
 * system. Its shape is the event store's seal; the meeting only carries it.
 */
export const LogSeal = z.strictObject({
  position: z.number().int().min(0),
  eventCount: z.number().int().min(0),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  sealedAt: z.iso.datetime(),
  keyId: z.string().min(1).max(100),
  signature: z.string().min(1).max(200),
});
export type LogSeal = z.infer<typeof LogSeal>;
