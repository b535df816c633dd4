import { randomBytes } from "node:crypto";

// Ids for bulk-generated rows in the UUID version 7 layout (time first, then a
// counter): consecutive rows land at the right edge of each primary-key and
// foreign-key B-tree instead of on a random page, which is what made large
// generator runs slow down as the indexes outgrew PostgreSQL's buffers.
export function timeOrderedIds(startedAt = Date.now()): () => string {
  const time = startedAt.toString(16).padStart(12, "0");
  const prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
  // 12 random bits keep two runs started in the same millisecond apart
  const run = (randomBytes(2).readUInt16BE(0) & 0xfff).toString(16).padStart(3, "0");
  let counter = 0;
  return () => {
    const c = (counter++).toString(16).padStart(15, "0");
    return `${prefix}${run}-8${c.slice(0, 3)}-${c.slice(3)}`;
  };
}
