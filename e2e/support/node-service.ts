// A built Node entry point (the web shell, the relay) run as a child process
// with its own data dir, on free ports: started until it logs that it is up,
// then stopped (SIGTERM) or killed (SIGKILL, for crash tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class NodeService {
  readonly dataDir: string;
  readonly output: string[] = [];
  private child: ChildProcess | null = null;

  constructor(
    private readonly name: string,
    dataDir: string | undefined,
  ) {
    this.dataDir = dataDir ?? mkdtempSync(join(tmpdir(), `frame-${name}-`));
  }

  /** Spawns `script` and resolves once `ready` finds what it waits for in the output so far. */
  protected spawnUntil(script: string, args: string[], env: Record<string, string>, ready: (lines: string[]) => boolean): Promise<void> {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH ?? '', FRAME_HTTP_PORT: '0', FRAME_WEBHOOK_PORT: '0', FRAME_DATA_DIR: this.dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer) => this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    return new Promise<void>((resolveStart, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} did not start:\n${this.output.join('\n')}`)), 15_000);
      child.stdout!.on('data', () => {
        if (!ready(this.output)) return;
        clearTimeout(timer);
        resolveStart();
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited with ${code}:\n${this.output.join('\n')}`));
      });
    });
  }

  /** The first capture of `pattern` in the output, if any. */
  protected found(pattern: RegExp): string | null {
    for (const line of this.output) {
      const match = pattern.exec(line);
      if (match) return match[1]!;
    }
    return null;
  }

  /** The process id, for memory readings from /proc. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** SIGKILL: no chance to finish anything (crash tests). */
  kill(): void {
    this.child?.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
    this.child = null;
  }
}
