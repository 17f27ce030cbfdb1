// The admin token of a web shell that listens beyond loopback. A phone asks
// the person for it (once per browser tab: sessionStorage); the frame's own
// screen reads it from the shell and shows it, so it can be typed elsewhere.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { SETUP_TOKEN_KEY } from '../../shared/settings-api';

export const TOKEN_STORAGE_KEY = 'frame-admin-token';

export interface AdminTokenState {
  /** Non-null while the person is asked; `rejected` when the last token was refused. */
  prompt: { rejected: boolean } | null;
  /** The token as the frame shows it on its own screen (loopback only). */
  shownOnFrame: string | null;
}

export interface AdminTokenGate {
  readonly state: StoreApi<AdminTokenState>;
  /** The token to send, if any. */
  current(): string | null;
  /** The frame's own screen: use the token the shell told us, and show it. */
  useFrameToken(token: string): void;
  /** Asks the person; resolves with the token typed, or null when they gave up. */
  ask(rejected: boolean): Promise<string | null>;
  /** The prompt's answers. */
  submit(token: string): void;
  cancel(): void;
}

/** The part of sessionStorage we use; absent or throwing storage (private modes) is tolerated. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function createAdminTokenGate(storage: TokenStorage | null): AdminTokenGate {
  const state = createStore<AdminTokenState>()(() => ({ prompt: null, shownOnFrame: null }));
  let token = read(storage);
  let pending: { promise: Promise<string | null>; resolve: (token: string | null) => void } | null = null;

  const remember = (value: string | null) => {
    token = value;
    try {
      if (value) storage?.setItem(TOKEN_STORAGE_KEY, value);
      else storage?.removeItem(TOKEN_STORAGE_KEY);
    } catch {
      // Storage full or blocked: the token still lives in memory for this page.
    }
  };

  const answer = (value: string | null) => {
    const waiting = pending;
    pending = null;
    state.setState({ prompt: null });
    waiting?.resolve(value);
  };

  return {
    state,
    current: () => token,
    useFrameToken(value) {
      remember(value);
      state.setState({ shownOnFrame: value });
    },
    ask(rejected) {
      if (rejected) remember(null);
      state.setState({ prompt: { rejected } });
      // Several calls may hit the 401 at once: one prompt answers them all.
      if (!pending) {
        let resolve: (token: string | null) => void = () => undefined;
        const promise = new Promise<string | null>((r) => (resolve = r));
        pending = { promise, resolve };
      }
      return pending.promise;
    },
    submit(value) {
      const trimmed = value.trim();
      if (!trimmed) return;
      remember(trimmed);
      answer(trimmed);
    },
    cancel: () => answer(null),
  };
}

/** The admin token a setup link (QR code) carries in its fragment ("#token=…"), if any. */
export function tokenFromFragment(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(SETUP_TOKEN_KEY)?.trim() || null;
}

function read(storage: TokenStorage | null): string | null {
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) || null;
  } catch {
    return null;
  }
}
