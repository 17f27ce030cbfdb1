// The nested Wix webhook envelope, unwrapped into one project item event:
// JWT payload {data: "<json>"} → {eventType, instanceId, data: "<json>"} →
// domain event {id, entityFqdn, slug, entityId, eventTime, ...}.

export const ITEM_FQDN = 'wix.portfolio.project_items.v1.project_item';

export interface ItemEvent {
  eventId: string;
  kind: 'created' | 'updated' | 'deleted';
  itemId: string;
  eventTime: number | null;
  sequence: number | null;
  /** The item as Wix sent it (created/updated); raw, parsed by the applier. */
  entity: Record<string, unknown> | null;
}

/** Where and when an event says it comes from, for the age and instance checks (event-admission.ts). */
export interface EventOrigin {
  instanceId: string | null;
  eventTime: number | null;
}

export type Unwrapped = ({ type: 'item'; event: ItemEvent } | { type: 'other'; reason: string }) & { origin: EventOrigin };

export class MalformedEvent extends Error {
  override name = 'MalformedEvent';
}

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  const parsed = typeof value === 'string' ? parseJson(value, what) : value;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new MalformedEvent(`${what} is not an object`);
  return parsed as Json;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new MalformedEvent(`${what} is not valid JSON`);
  }
}

function sequenceOf(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

export function unwrapEvent(payload: Json): Unwrapped {
  const envelope = object(payload.data, 'payload data');
  const eventType = typeof envelope.eventType === 'string' ? envelope.eventType : '';
  const domain = object(envelope.data, 'event data');
  const time = typeof domain.eventTime === 'string' ? Date.parse(domain.eventTime) : NaN;
  const origin: EventOrigin = { instanceId: typeof envelope.instanceId === 'string' ? envelope.instanceId : null, eventTime: Number.isNaN(time) ? null : time };
  if (domain.entityFqdn !== ITEM_FQDN) return { type: 'other', reason: `entity ${String(domain.entityFqdn ?? eventType)}`, origin };
  const eventId = domain.id;
  const itemId = domain.entityId;
  if (typeof eventId !== 'string' || !eventId || typeof itemId !== 'string' || !itemId) throw new MalformedEvent('event without id or entityId');
  const slug = typeof domain.slug === 'string' ? domain.slug : eventType.split('_').pop();
  const base = { eventId, itemId, eventTime: origin.eventTime, sequence: sequenceOf(domain.entityEventSequence) };
  if (slug === 'created' && domain.createdEvent) {
    return { type: 'item', event: { ...base, kind: 'created', entity: object((domain.createdEvent as Json).entity, 'created entity') }, origin };
  }
  if (slug === 'updated' && domain.updatedEvent) {
    return { type: 'item', event: { ...base, kind: 'updated', entity: object((domain.updatedEvent as Json).currentEntity, 'updated entity') }, origin };
  }
  if (slug === 'deleted') return { type: 'item', event: { ...base, kind: 'deleted', entity: null }, origin };
  return { type: 'other', reason: `item event "${String(slug)}"`, origin };
}
