// A signed event is taken only when it is fresh and meant for this install.
// The signature proves Wix sent it once; it does not stop a captured event
// from being sent again days later, or an event of another site that uses the
// same Wix app (same key) from reaching this frame. So: issued (the JWT's iat)
// and dated (the event's eventTime) within the last 48 hours (Wix retries for
// about 47) and no more than 5 minutes ahead, and, when the frame knows its
// Wix instance, for that instance only.
import type { Unwrapped } from './item-event';

export const MAX_EVENT_AGE_MS = 48 * 3600_000;
export const MAX_EVENT_AHEAD_MS = 5 * 60_000;

export interface Refusal {
  status: number;
  /** What the sender is told. */
  message: string;
  /** What the log says. */
  why: string;
}

export interface AdmissionContext {
  now: number;
  /** This frame's Wix instance (OAuth's WIX_INSTANCE_ID, or FRAME_WIX_INSTANCE_ID), when known. */
  instanceId: string | null;
}

export function admitEvent(payload: Record<string, unknown>, event: Unwrapped, context: AdmissionContext): Refusal | null {
  const issued = typeof payload.iat === 'number' && Number.isFinite(payload.iat) ? payload.iat * 1000 : null;
  const dates = [
    ['issued', issued],
    ['dated', event.origin.eventTime],
  ] as const;
  if (dates.every(([, at]) => at === null)) return { status: 400, message: 'undated event', why: 'the event carries neither iat nor eventTime' };
  for (const [what, at] of dates) {
    if (at === null) continue;
    if (context.now - at > MAX_EVENT_AGE_MS) return { status: 400, message: 'event too old', why: `event ${what} ${new Date(at).toISOString()}, more than 48 hours ago` };
    if (at - context.now > MAX_EVENT_AHEAD_MS) return { status: 400, message: 'event from the future', why: `event ${what} ${new Date(at).toISOString()}, more than 5 minutes ahead of this frame's clock` };
  }
  const expected = context.instanceId?.toLowerCase() ?? null;
  if (expected && event.origin.instanceId?.toLowerCase() !== expected) {
    return { status: 403, message: 'event for another instance', why: `event for Wix instance ${event.origin.instanceId ?? '(none)'}, not this frame's ${context.instanceId}` };
  }
  return null;
}
