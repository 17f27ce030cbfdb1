// Runs a configured shell command (screen on/off) with a time limit.
import { exec } from 'node:child_process';
import type { CommandRunner } from './screen-power';

export const runShellCommand: CommandRunner = (command) =>
  new Promise((resolve) => {
    exec(command, { timeout: 10_000 }, (error, _stdout, stderr) => {
      if (!error) resolve({ ok: true, detail: '' });
      else resolve({ ok: false, detail: (stderr.trim() || error.message).split('\n')[0]!.slice(0, 200) });
    });
  });
