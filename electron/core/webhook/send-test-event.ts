// `npm run webhook:test`: signs a sample project item event with the local
// test key and posts it to a running frame, to check the path end to end.
import { randomUUID } from 'node:crypto';
import { DEMO_PROJECT_ID } from '../demo/sample-project';
import { signWixEvent } from './sign-event';
import { ensureTestKeys } from './test-keys';

export interface SendTestEventOptions {
  dataDir: string;
  url: string;
  projectId: string | undefined;
  kind: 'created' | 'updated' | 'deleted';
  itemId: string | undefined;
  mediaFileId: string | undefined;
  /** The frame's Wix instance (FRAME_WIX_INSTANCE_ID or WIX_INSTANCE_ID), which it insists on when it knows it. */
  instanceId?: string | undefined;
  print(line: string): void;
}

export async function sendTestEvent(options: SendTestEventOptions): Promise<boolean> {
  const { print } = options;
  const keys = await ensureTestKeys(options.dataDir);
  if (keys.created) {
    print(`Created a test key pair: ${keys.paths.privateKey} (private) and ${keys.paths.publicKey} (public).`);
    print(`A frame started with --demo trusts it already; otherwise start the frame with WIX_WEBHOOK_PUBLIC_KEY=${keys.paths.publicKey}.`);
  }
  const projectId = options.projectId ?? DEMO_PROJECT_ID;
  const itemId = options.itemId ?? randomUUID();
  const fileId = options.mediaFileId ?? `webhook-test-${itemId.slice(0, 8)}~mv2.jpg`;
  const entity = {
    id: itemId,
    projectId,
    sortOrder: 0,
    title: 'Webhook test photo',
    description: 'Sent by npm run webhook:test',
    type: 'IMAGE',
    image: { imageInfo: { id: fileId, width: 6000, height: 4000 } },
    updatedDate: new Date().toISOString(),
  };
  const token = await signWixEvent(keys.privateKey, { kind: options.kind, itemId, ...(options.kind === 'deleted' ? {} : { entity }), ...(options.instanceId ? { instanceId: options.instanceId } : {}) });
  let response: Response;
  try {
    response = await fetch(options.url, { method: 'POST', body: token, headers: { 'content-type': 'text/plain' } });
  } catch (error) {
    print(`Could not reach the frame's webhook receiver at ${options.url} (${(error as Error).message}). Is the frame running, with FRAME_WEBHOOK_PORT as here?`);
    return false;
  }
  const body = await response.text();
  if (response.status === 200) {
    print(`Accepted: ${options.kind} event for item ${itemId} in project ${projectId}.`);
    print(options.kind === 'deleted' ? 'The item leaves the screen within a second.' : 'The test photo is now first in the gallery and /healthz counts it as accepted.');
    print('Wix stays the source of truth: the confirming sync a few seconds later removes a test item that Wix does not have.');
    return true;
  }
  if (response.status === 401) print(`Refused (401): the frame does not trust this key. Start it with WIX_WEBHOOK_PUBLIC_KEY=${keys.paths.publicKey} or --demo.`);
  else if (response.status === 403) print(`Refused (403): the frame belongs to another Wix instance; send with the same FRAME_WIX_INSTANCE_ID or WIX_INSTANCE_ID the frame has.`);
  else print(`Refused (${response.status}): ${body}`);
  return false;
}
