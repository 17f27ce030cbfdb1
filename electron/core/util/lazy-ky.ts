// ky, loaded at the first request instead of at start: its module reads
// globalThis.Request, which makes Node load its whole fetch stack (~50 ms)
// before the frame has answered its own page.
import type { KyInstance } from 'ky';

let loading: Promise<KyInstance> | undefined;

export function loadKy(): Promise<KyInstance> {
  loading ??= import('ky').then((module) => module.default);
  return loading;
}
