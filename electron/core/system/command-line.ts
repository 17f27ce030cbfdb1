// Splits a command line from the device's own environment into a program and
// its arguments, the way a shell would quote them, for execFile: no shell ever
// runs it, so shell syntax (; | > && $( ) globs) is refused rather than
// passed on as text that would not do what it says.
import { parse } from 'shell-quote';

/** ["wlopm", "--off", "*"] for `wlopm --off '*'`; null for empty text or any shell syntax. */
export function splitCommandLine(text: string): string[] | null {
  // "$NAME" stays as written: no environment expansion either.
  const words = parse(text, (name) => `$${name}`);
  if (words.length === 0 || !words.every((word): word is string => typeof word === 'string')) return null;
  return words[0] ? words : null;
}
