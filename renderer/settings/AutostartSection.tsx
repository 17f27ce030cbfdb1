// Start on boot: shows what is really installed on disk, and changes it at
// once (not with Save: it writes files outside the frame's settings).
import { useState } from 'react';
import type { AutostartMethod } from '../../shared/settings-api';
import { installedMethod, isInstalled } from './autostart-steps';
import { Switch } from './fields';
import { useModel, useSettings } from './model-context';

const METHOD_LABELS: Record<AutostartMethod, string> = { xdg: 'Desktop autostart entry', systemd: 'systemd user service' };

export function AutostartSection() {
  const model = useModel();
  const { status, busy, error } = useSettings((s) => s.autostart);
  const [chosen, setChosen] = useState<AutostartMethod | null>(null);

  const body = () => {
    if (!status) return <p className="section__hint">{error ?? 'Checking…'}</p>;
    if (!status.supported) return <p className="section__hint">Not offered on this system. {status.message}</p>;
    const on = isInstalled(status);
    const method = chosen ?? installedMethod(status);
    const pick = (next: AutostartMethod) => {
      setChosen(next);
      if (on && next !== installedMethod(status)) void model.setAutostart(true, next);
    };
    return (
      <>
        <div className="field">
          <label className="field__label" htmlFor="autostart-switch">
            Start when this device starts
          </label>
          <div className="field__body">
            <Switch id="autostart-switch" testId="autostart-switch" checked={on} disabled={busy} onChange={(next) => void model.setAutostart(next, method)} describedBy="autostart-hint" />
            <p className="field__hint" id="autostart-hint">
              {busy ? 'Changing…' : on ? `Installed: ${METHOD_LABELS[installedMethod(status)]}.` : 'Not installed.'} Changes apply at once.
            </p>
          </div>
        </div>
        <fieldset className="field">
          <legend className="field__label">Method</legend>
          <div className="field__body">
            <div className="choice">
              {(['xdg', 'systemd'] as const).map((m) => (
                <label key={m} className="choice__option">
                  <input type="radio" name="autostart-method" value={m} checked={method === m} disabled={busy} onChange={() => pick(m)} />
                  <span>{METHOD_LABELS[m]}</span>
                </label>
              ))}
            </div>
            <p className="field__hint">
              The desktop entry suits a desktop session such as labwc; the systemd service also restarts the frame if it stops.
            </p>
            <p className="field__hint paths">
              <span>{status.paths[method]}</span>
            </p>
            {status.message && <p className="result result--ok">{status.message}</p>}
            {error && (
              <p className="result result--error" role="alert">
                {error}
              </p>
            )}
          </div>
        </fieldset>
      </>
    );
  };

  return (
    <section className="section" aria-labelledby="section-autostart">
      <h2 id="section-autostart">Start on boot</h2>
      {body()}
    </section>
  );
}
