// Runs the real web shell (dist/node/server.js, as `npm run serve` does) in a
// child process with its own data dir, and stops it again.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeService } from './node-service';

const SERVER = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/node/server.js');

export interface FrameProcessOptions {
  env: Record<string, string>;
  args?: string[];
  dataDir?: string;
}

export class FrameProcess extends NodeService {
  url = '';
  webhookUrl = '';

  constructor(private readonly options: FrameProcessOptions) {
    super('e2e', options.dataDir);
  }

  async start(): Promise<this> {
    await this.spawnUntil(SERVER, this.options.args ?? [], this.options.env, () => this.found(/web shell at (http:\/\/\S+?)\/ /) !== null);
    // A frame bound to every interface is still reached over loopback in tests.
    this.url = this.found(/web shell at (http:\/\/\S+?)\/ /)!.replace('://0.0.0.0:', '://127.0.0.1:').replace('://[::]:', '://127.0.0.1:');
    const hook = this.found(/[Ww]ebhook receiver at (http:\/\/\S+?)\/webhooks\/wix/);
    if (hook) this.webhookUrl = `${hook}/webhooks/wix`;
    return this;
  }
}
