import { randomFillSync } from "node:crypto";

const pool = Buffer.alloc(16 * 256);
let offset = pool.length;

/** The two hex digits of every byte: every command mints several ids, so they are spelt by lookup. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** The first two groups, which spell the millisecond: ids minted in the same one share them. */
let lastTime = { now: Number.NaN, hex: "" };

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
  const version = HEX[(pool[at + 6]! & 0x0f) | 0x70]!;
  const variant = HEX[(pool[at + 8]! & 0x3f) | 0x80]!;
  return `${timeHex(now)}-${version}${hex(7)}-${variant}${hex(9)}-${hex(10)}${hex(11)}${hex(12)}${hex(13)}${hex(14)}${hex(15)}`;
}

const timeHex = (now: number): string => {
  if (now !== lastTime.now) {
    const byte = (value: number) => HEX[value & 0xff]!;
    const high = `${byte(Math.floor(now / 2 ** 40))}${byte(Math.floor(now / 2 ** 32))}`;
    lastTime = { now, hex: `${high}${byte(now >>> 24)}${byte(now >>> 16)}-${byte(now >>> 8)}${byte(now)}` };
  }
  return lastTime.hex;
};
