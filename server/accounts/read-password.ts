import { read } from 'read';

/**
 * The new password for an account command, from standard input: never an argument, which every user of
 * the machine can read in `ps` and which stays in the shell's history. Typed at a terminal it is not
 * echoed; piped (`printf '%s\n' "$PASSWORD" | …`), its first line is taken.
 */
export async function readPassword(prompt: string): Promise<string> {
  if (process.stdin.isTTY) return read({ prompt, silent: true, replace: '*', output: process.stderr });
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}
