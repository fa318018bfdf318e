import { randomFillSync } from "node:crypto";

const pool = Buffer.alloc(16 * 256);
let offset = pool.length;

/** The two hex digits of every byte: every command mints several ids, so they are spelt by lookup. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/**
 * A time-ordered UUID (RFC 9562 version 7): 48 bits of Unix milliseconds, then random
 * bits. Ids minted close together sort close together, so the log's unique indexes grow
 * at their end instead of dirtying a random page for every insert.
 */
export function uuidV7(now: number = Date.now()): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const at = offset;
  offset += 16;
  const hex = (index: number) => HEX[pool[at + index]!]!;
  const time =
    HEX[Math.floor(now / 2 ** 40) & 0xff]! +
    HEX[Math.floor(now / 2 ** 32) & 0xff]! +
    HEX[(now >>> 24) & 0xff]! +
    HEX[(now >>> 16) & 0xff]! +
    "-" +
    HEX[(now >>> 8) & 0xff]! +
    HEX[now & 0xff]!;
  const version = HEX[(pool[at + 6]! & 0x0f) | 0x70]! + hex(7);
  const variant = HEX[(pool[at + 8]! & 0x3f) | 0x80]! + hex(9);
  return `${time}-${version}-${variant}-${hex(10)}${hex(11)}${hex(12)}${hex(13)}${hex(14)}${hex(15)}`;
}
