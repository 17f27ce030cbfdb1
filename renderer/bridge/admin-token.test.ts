import { describe, expect, it } from 'vitest';
import { createAdminTokenGate, tokenFromFragment, TOKEN_STORAGE_KEY, type TokenStorage } from './admin-token';

function memoryStorage(initial: Record<string, string> = {}): TokenStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => void (data[k] = v),
    removeItem: (k) => void delete data[k],
  };
}

describe('admin token gate', () => {
  it('starts with the token this tab already entered', () => {
    expect(createAdminTokenGate(memoryStorage({ [TOKEN_STORAGE_KEY]: 'abc' })).current()).toBe('abc');
    expect(createAdminTokenGate(memoryStorage()).current()).toBeNull();
    expect(createAdminTokenGate(null).current()).toBeNull();
  });

  it('asks once for several waiting calls, and keeps what was typed', async () => {
    const storage = memoryStorage();
    const gate = createAdminTokenGate(storage);
    const first = gate.ask(false);
    const second = gate.ask(false);
    expect(gate.state.getState().prompt).toEqual({ rejected: false });
    gate.submit('  typed-token  ');
    expect(await first).toBe('typed-token');
    expect(await second).toBe('typed-token');
    expect(gate.state.getState().prompt).toBeNull();
    expect(gate.current()).toBe('typed-token');
    expect(storage.data[TOKEN_STORAGE_KEY]).toBe('typed-token');
  });

  it('forgets a refused token and says so in the prompt', async () => {
    const storage = memoryStorage({ [TOKEN_STORAGE_KEY]: 'old' });
    const gate = createAdminTokenGate(storage);
    const answer = gate.ask(true);
    expect(gate.state.getState().prompt).toEqual({ rejected: true });
    expect(gate.current()).toBeNull();
    expect(storage.data[TOKEN_STORAGE_KEY]).toBeUndefined();
    gate.cancel();
    expect(await answer).toBeNull();
  });

  it('ignores an empty answer', () => {
    const gate = createAdminTokenGate(null);
    void gate.ask(false);
    gate.submit('   ');
    expect(gate.state.getState().prompt).not.toBeNull();
  });

  it('uses and shows the token the frame tells its own screen', () => {
    const gate = createAdminTokenGate(memoryStorage({ [TOKEN_STORAGE_KEY]: 'stale' }));
    gate.useFrameToken('frame-token');
    expect(gate.current()).toBe('frame-token');
    expect(gate.state.getState().shownOnFrame).toBe('frame-token');
  });

  it('survives storage that throws', () => {
    const throwing: TokenStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => undefined,
    };
    const gate = createAdminTokenGate(throwing);
    expect(gate.current()).toBeNull();
    void gate.ask(false);
    gate.submit('t0k3n');
    expect(gate.current()).toBe('t0k3n');
  });
});

describe('a token from the setup QR code', () => {
  it('is read from the fragment, and nothing else is', () => {
    expect(tokenFromFragment('#token=abcDEF-123_x')).toBe('abcDEF-123_x');
    expect(tokenFromFragment('#token=')).toBeNull();
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#/settings')).toBeNull();
  });
});
