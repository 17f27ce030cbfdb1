import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/frame-types';
import { reportStartupFailure, startupFailureMessage } from './startup-failure';

function output() {
  const calls: string[] = [];
  return {
    calls,
    out: {
      showErrorBox: (title: string, content: string) => calls.push(`dialog ${title}: ${content}`),
      writeStderr: (text: string) => calls.push(`stderr ${text}`),
      exit: (code: number) => calls.push(`exit ${code}`),
    },
  };
}

describe('startup failure', () => {
  it('shows a configuration error as its one line: stderr, dialog, exit code 1', () => {
    const { calls, out } = output();
    reportStartupFailure(new ConfigError('FRAME_POLL_SECONDS must be a whole number from 1 to 86400, got "soon".'), out);
    expect(calls).toEqual([
      'stderr frame: FRAME_POLL_SECONDS must be a whole number from 1 to 86400, got "soon".\n',
      'dialog Frame cannot start: FRAME_POLL_SECONDS must be a whole number from 1 to 86400, got "soon".',
      'exit 1',
    ]);
  });

  it('recognises a ConfigError from another copy of the core by its name', () => {
    const foreign = Object.assign(new Error('FRAME_SLIDE_SECONDS must be a number.'), { name: 'ConfigError' });
    expect(startupFailureMessage(foreign)).toBe('FRAME_SLIDE_SECONDS must be a number.');
  });

  it('keeps the stack of an unexpected error', () => {
    const error = new Error('boom');
    expect(startupFailureMessage(error)).toBe(`could not start: ${error.stack}`);
    expect(startupFailureMessage('weird')).toBe('could not start: weird');
  });
});
