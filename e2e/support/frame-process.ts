// Runs the real web shell (dist/node/server.js, as `npm run serve` does) in a
// child process with its own data dir, and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/node/server.js');

export interface FrameProcessOptions {
  env: Record<string, string>;
  args?: string[];
  dataDir?: string;
}

export class FrameProcess {
  url = '';
  webhookUrl = '';
  readonly dataDir: string;
  readonly output: string[] = [];
  private child: ChildProcess | null = null;

  constructor(private readonly options: FrameProcessOptions) {
    this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'frame-e2e-'));
  }

  async start(): Promise<this> {
    const child = spawn(process.execPath, [SERVER, ...(this.options.args ?? [])], {
      env: { PATH: process.env.PATH ?? '', FRAME_HTTP_PORT: '0', FRAME_WEBHOOK_PORT: '0', FRAME_DATA_DIR: this.dataDir, ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer) => this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    await new Promise<void>((resolveStart, reject) => {
      const timer = setTimeout(() => reject(new Error(`frame did not start:\n${this.output.join('\n')}`)), 15_000);
      const check = () => {
        const web = this.output.map((l) => /web shell at (http:\/\/\S+?)\/ /.exec(l)).find(Boolean);
        const hook = this.output.map((l) => /[Ww]ebhook receiver at (http:\/\/\S+?)\/webhooks\/wix/.exec(l)).find(Boolean);
        if (web) {
          // A frame bound to every interface is still reached over loopback in tests.
          this.url = web[1]!.replace('://0.0.0.0:', '://127.0.0.1:').replace('://[::]:', '://127.0.0.1:');
          if (hook) this.webhookUrl = `${hook[1]}/webhooks/wix`;
          clearTimeout(timer);
          resolveStart();
        }
      };
      child.stdout!.on('data', check);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`frame exited with ${code}:\n${this.output.join('\n')}`));
      });
    });
    return this;
  }

  /** The frame's process id, for memory readings from /proc. */
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
