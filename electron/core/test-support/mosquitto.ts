// A real Mosquitto for tests: started on a free port with its own config file
// (anonymous, or a password file, optionally TLS), stopped, and restarted on
// the same port to play a broker restart.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { closedPort } from './free-port';

export const MOSQUITTO = process.env.FRAME_MOSQUITTO ?? '/usr/sbin/mosquitto';

export interface MosquittoOptions {
  /** user → password; without it anonymous clients are allowed. */
  users?: Record<string, string>;
  /** Serve mqtts:// with a throwaway self-signed certificate for 127.0.0.1. */
  tls?: boolean;
}

export class Mosquitto {
  readonly dir = mkdtempSync(join(tmpdir(), 'frame-mosquitto-'));
  readonly output: string[] = [];
  port = 0;
  /** The CA (the self-signed certificate itself) clients trust with TLS. */
  caPem: string | null = null;
  private child: ChildProcess | null = null;

  constructor(private readonly options: MosquittoOptions = {}) {}

  get url(): string {
    return `${this.options.tls ? 'mqtts' : 'mqtt'}://127.0.0.1:${this.port}`;
  }

  static async start(options: MosquittoOptions = {}): Promise<Mosquitto> {
    const broker = new Mosquitto(options);
    broker.port = await closedPort();
    broker.writeConfig();
    await broker.launch();
    return broker;
  }

  private writeConfig(): void {
    // Run as ourselves: started as root, Mosquitto would otherwise drop to a user that cannot read this folder.
    const lines = [`user ${userInfo().username}`, `listener ${this.port} 127.0.0.1`, 'persistence false', 'set_tcp_nodelay true', 'log_dest stderr', 'log_type error', 'log_type warning'];
    if (this.options.users) {
      const file = join(this.dir, 'passwords');
      writeFileSync(file, '');
      for (const [user, password] of Object.entries(this.options.users)) execFileSync('mosquitto_passwd', ['-b', file, user, password]);
      lines.push('allow_anonymous false', `password_file ${file}`);
    } else lines.push('allow_anonymous true');
    if (this.options.tls) {
      const key = join(this.dir, 'key.pem');
      const cert = join(this.dir, 'cert.pem');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
      this.caPem = readFileSync(cert, 'utf8');
      lines.push(`certfile ${cert}`, `keyfile ${key}`);
    }
    writeFileSync(join(this.dir, 'mosquitto.conf'), `${lines.join('\n')}\n`);
  }

  private async launch(): Promise<void> {
    const child = spawn(MOSQUITTO, ['-c', join(this.dir, 'mosquitto.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const collect = (chunk: Buffer) => this.output.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const deadline = Date.now() + 10_000;
    while (!(await accepts(this.port))) {
      if (child.exitCode !== null) throw new Error(`mosquitto exited with ${child.exitCode}: ${this.output.join('\n')}`);
      if (Date.now() > deadline) throw new Error(`mosquitto did not listen on ${this.port}: ${this.output.join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Stops the broker (SIGKILL, like a crash or a power cut): retained messages and sessions are gone. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  }

  /** Starts it again on the same port. */
  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
