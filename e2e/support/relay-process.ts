// Runs the real relay (dist/node/relay.js, as `npm run relay` does) in a child
// process with its own data dir, and stops or kills it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const RELAY = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/node/relay.js');

export class RelayProcess {
  healthUrl = '';
  webhookUrl = '';
  readonly output: string[] = [];
  readonly dataDir: string;
  private child: ChildProcess | null = null;

  constructor(private readonly env: Record<string, string>, dataDir?: string) {
    this.dataDir = dataDir ?? mkdtempSync(join(tmpdir(), 'frame-relay-'));
  }

  async start(): Promise<this> {
    const child = spawn(process.execPath, [RELAY], {
      env: { PATH: process.env.PATH ?? '', FRAME_HTTP_PORT: '0', FRAME_WEBHOOK_PORT: '0', FRAME_DATA_DIR: this.dataDir, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer) => this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    await new Promise<void>((resolveStart, reject) => {
      const timer = setTimeout(() => reject(new Error(`relay did not start:\n${this.output.join('\n')}`)), 15_000);
      const check = () => {
        const health = this.output.map((l) => /relay health at (http:\/\/\S+?)\/healthz/.exec(l)).find(Boolean);
        const hook = this.output.map((l) => /[Ww]ebhook receiver at (http:\/\/\S+?\/webhooks\/wix)/.exec(l)).find(Boolean);
        if (health) {
          this.healthUrl = `${health[1]}/healthz`;
          if (hook) this.webhookUrl = hook[1]!;
          clearTimeout(timer);
          resolveStart();
        }
      };
      child.stdout!.on('data', check);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`relay exited with ${code}:\n${this.output.join('\n')}`));
      });
    });
    return this;
  }

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
