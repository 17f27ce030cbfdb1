// Signs item events the way Wix does, for `npm run webhook:test`, the tests
// and the benchmark. The frame itself only ever verifies.
import { SignJWT, type CryptoKey, type KeyObject } from 'jose';
import { ITEM_FQDN } from './item-event';

export interface SampleEvent {
  kind: 'created' | 'updated' | 'deleted';
  itemId: string;
  /** Required for created/updated: the Wix item, including projectId. */
  entity?: Record<string, unknown>;
  eventId?: string;
  sequence?: number;
  eventTime?: string;
  instanceId?: string;
  /** The JWT's iat, in seconds; default now. */
  issuedAt?: number;
  /** The Wix app the event is for: the token's audience, as Wix sends it (issuer wix.com). */
  appId?: string;
}

/** The app id test events are addressed to when none is given. */
export const TEST_APP_ID = 'frame-test';

let counter = 0;

export function wixEventPayload(event: SampleEvent): { data: string } {
  const domain: Record<string, unknown> = {
    id: event.eventId ?? `evt-${Date.now()}-${++counter}`,
    entityFqdn: ITEM_FQDN,
    slug: event.kind,
    entityId: event.itemId,
    eventTime: event.eventTime ?? new Date().toISOString(),
    ...(event.sequence !== undefined ? { entityEventSequence: String(event.sequence) } : {}),
  };
  if (event.kind === 'created') domain.createdEvent = { entity: event.entity };
  if (event.kind === 'updated') domain.updatedEvent = { currentEntity: event.entity };
  if (event.kind === 'deleted') domain.deletedEvent = {};
  const envelope = {
    eventType: `wix.portfolio.project_items.v1.project_item_${event.kind}`,
    instanceId: event.instanceId ?? '00000000-0000-4000-8000-00000000f4a3',
    data: JSON.stringify(domain),
    identity: JSON.stringify({ identityType: 'APP', appId: event.appId ?? TEST_APP_ID }),
  };
  return { data: JSON.stringify(envelope) };
}

export async function signWixEvent(privateKey: CryptoKey | KeyObject, event: SampleEvent): Promise<string> {
  return new SignJWT(wixEventPayload(event))
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer('wix.com')
    .setAudience(event.appId ?? TEST_APP_ID)
    .setIssuedAt(event.issuedAt)
    .sign(privateKey);
}
