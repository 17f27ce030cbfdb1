// What a frame that cannot start says: one line for a bad setting (the
// ConfigError text names the variable), the stack for anything unexpected.
// stderr first: on a wall with no keyboard, nobody may ever close the dialog,
// but the journal (systemd) still has the reason.
import { ConfigError } from '../core/frame-types';

export interface FailureOutput {
  showErrorBox(title: string, content: string): void;
  writeStderr(text: string): void;
  exit(code: number): void;
}

/** By name too: a second copy of the core module would bring a second ConfigError class. */
function isConfigError(error: unknown): error is Error {
  return error instanceof ConfigError || (error instanceof Error && error.name === 'ConfigError');
}

export function startupFailureMessage(error: unknown): string {
  if (isConfigError(error)) return error.message;
  if (error instanceof Error) return `could not start: ${error.stack ?? error.message}`;
  return `could not start: ${String(error)}`;
}

export function reportStartupFailure(error: unknown, out: FailureOutput): void {
  const message = startupFailureMessage(error);
  out.writeStderr(`frame: ${message}\n`);
  out.showErrorBox('Frame cannot start', message);
  out.exit(1);
}
