// Publishes signed relay messages: each one an envelope (topic, epoch, seq,
// time, body) in a compact JWS. The epoch grows at every relay start (kept in
// the data dir, and never behind the clock), so frames order messages across
// restarts without trusting anything but the signature.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-file';
import type { MqttLink, PublishOptions } from './mqtt-link';
import { signEnvelope, type RelayKeys } from './relay-signing';

export async function nextEpoch(dataDir: string, now = Date.now()): Promise<number> {
  const path = join(dataDir, 'relay-epoch');
  const previous = Number((await readFile(path, 'utf8').catch(() => '0')).trim()) || 0;
  const epoch = Math.max(previous + 1, now);
  await writeFileAtomic(path, String(epoch));
  return epoch;
}

export class RelaySigner {
  link: MqttLink | null = null;
  /** Signing is asynchronous; messages still leave in the order they were made. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly keys: RelayKeys,
    readonly epoch: number,
  ) {}

  sign<T>(topic: string, seq: number, body: T): Promise<string> {
    return signEnvelope(this.keys.privateKey, { topic, epoch: this.epoch, seq, at: new Date().toISOString(), body });
  }

  publish<T>(topic: string, seq: number, body: T, options: PublishOptions = {}): Promise<void> {
    const signed = this.sign(topic, seq, body);
    this.tail = this.tail.then(async () => {
      const token = await signed;
      // Not awaited: the broker's acknowledgement must not hold back the next message.
      void this.link?.publish(topic, token, options);
    });
    return this.tail;
  }
}
