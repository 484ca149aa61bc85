import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * How many messages of the source the simulator has delivered, kept in a file (`--resume`), so a
 * restarted demo sends the next citizens' messages, not the same ones again. Without a file it
 * starts at 0 and remembers nothing.
 */
export function resumePosition(file: string | null) {
  let position = 0;
  if (file && existsSync(file)) {
    const saved = Number(readFileSync(file, 'utf8').trim());
    if (!Number.isInteger(saved) || saved < 0) throw new Error(`${file} holds no message position`);
    position = saved;
  }
  return {
    get: () => position,
    set(next: number): void {
      position = next;
      if (!file) return;
      // Written beside and renamed over, so a stop mid-write never leaves a half number.
      writeFileSync(`${file}.tmp`, String(next));
      renameSync(`${file}.tmp`, file);
    },
  };
}
