// Asks for the admin token when a web shell beyond loopback refuses a
// settings call (a phone on the LAN); the call goes on once it is typed.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { AdminTokenGate } from '../bridge/admin-token';

export function AdminTokenPrompt({ gate }: { gate: AdminTokenGate }) {
  const prompt = useStore(gate.state, (s) => s.prompt);
  const [token, setToken] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!prompt) return;
    setToken('');
    input.current?.focus();
  }, [prompt]);

  if (!prompt) return null;
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="admin-token-title"
        aria-describedby="admin-token-text"
        data-testid="admin-token-prompt"
        onSubmit={(e) => {
          e.preventDefault();
          gate.submit(token);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation(); // closes the prompt, not the settings screen
          gate.cancel();
        }}
      >
        <h2 id="admin-token-title">Admin token</h2>
        <p id="admin-token-text">Enter the admin token shown on the frame’s screen (or printed on it by “npm run cli -- admin-token”).</p>
        {prompt.rejected && (
          <p className="field__error" role="alert">
            That token was not accepted. Check it and try again.
          </p>
        )}
        <label className="field__label" htmlFor="admin-token">
          Token
        </label>
        <input id="admin-token" ref={input} value={token} autoComplete="off" autoCapitalize="off" spellCheck={false} onChange={(e) => setToken(e.target.value)} />
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" disabled={!token.trim()}>
            Continue
          </button>
          <button type="button" className="button" onClick={() => gate.cancel()}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
