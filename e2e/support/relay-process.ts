// Runs the real relay (dist/node/relay.js, as `npm run relay` does) in a child
// process with its own data dir, and stops or kills it again.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeService } from './node-service';

const RELAY = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/node/relay.js');

export class RelayProcess extends NodeService {
  healthUrl = '';
  webhookUrl = '';

  constructor(
    private readonly env: Record<string, string>,
    dataDir?: string,
  ) {
    super('relay', dataDir);
  }

  async start(): Promise<this> {
    await this.spawnUntil(RELAY, [], this.env, () => this.found(/relay health at (http:\/\/\S+?)\/healthz/) !== null);
    this.healthUrl = `${this.found(/relay health at (http:\/\/\S+?)\/healthz/)}/healthz`;
    this.webhookUrl = this.found(/[Ww]ebhook receiver at (http:\/\/\S+?\/webhooks\/wix)/) ?? '';
    return this;
  }
}
