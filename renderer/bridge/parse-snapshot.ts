// Snapshots arriving over the network are checked for shape before the
// slideshow trusts them: a bad message is dropped, the show keeps going.
import type { FrameSnapshot } from '../../shared/display';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function isSnapshot(value: unknown): value is FrameSnapshot {
  if (!isObject(value) || !isObject(value.gallery) || !isObject(value.display) || !isObject(value.status)) return false;
  return Array.isArray(value.gallery.items) && typeof value.display.slideSeconds === 'number';
}

export function parseSnapshot(text: string): FrameSnapshot | null {
  try {
    const value: unknown = JSON.parse(text);
    return isSnapshot(value) ? value : null;
  } catch {
    return null;
  }
}
