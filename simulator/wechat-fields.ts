let lastMsgId = 0n;

/** A fresh 64-bit-looking MsgId (19 digits), increasing, so no two runs reuse one. Kept as a string: it exceeds 2^53. */
export function nextMsgId(now: number): string {
  const candidate = BigInt(now) * 1_000_000n;
  lastMsgId = candidate > lastMsgId ? candidate : lastMsgId + 1n;
  return lastMsgId.toString();
}
