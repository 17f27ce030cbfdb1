// The settings screen: one calm scrolling page under a bar that always shows
// Save and the way back. Escape goes back; Enter in a field saves.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Settings } from '../../shared/settings';
import type { FrameBridge } from '../bridge/frame-bridge';
import { navigate } from '../routing';
import { AdminTokenPrompt, FrameTokenNote } from './AdminTokenPrompt';
import { AutostartSection } from './AutostartSection';
import { ConnectionSection } from './ConnectionSection';
import { controlId } from './fields';
import { ModelContext } from './model-context';
import { ProjectSection } from './ProjectSection';
import { ScheduleSection } from './ScheduleSection';
import { createSettingsModel, type SettingsModel } from './settings-model';
import { ShowSection } from './ShowSection';
import './settings.css';

const SAVED_NOTICE_MS = 4_000;

export function SettingsScreen({ bridge, backHref }: { bridge: FrameBridge; backHref: string }) {
  const [model] = useState(() => createSettingsModel(bridge));
  const phase = useStore(model.store, (s) => s.phase);
  const loadError = useStore(model.store, (s) => s.loadError);
  const heading = useRef<HTMLHeadingElement>(null);
  const back = useCallback(() => navigate(backHref), [backHref]);

  useEffect(() => {
    void model.load();
    heading.current?.focus();
  }, [model]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || bridge.adminToken?.state.getState().prompt) return;
      e.preventDefault();
      back();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [back, bridge]);

  return (
    <ModelContext.Provider value={model}>
      <div className="settings" data-testid="settings">
        <header className="settings__bar">
          <h1 ref={heading} tabIndex={-1}>
            Settings
          </h1>
          <SaveButton model={model} disabled={phase !== 'ready'} />
          <button type="button" className="button" onClick={back} data-testid="back-to-slideshow" aria-label="Back to the slideshow">
            <span className="label--long">Back to the slideshow</span>
            <span className="label--short">Done</span>
          </button>
          <NoticeLine model={model} />
        </header>
        <main className="settings__page">
          {bridge.adminToken && <FrameTokenNote gate={bridge.adminToken} />}
          {phase === 'loading' && <p className="section__hint">Loading the settings…</p>}
          {phase === 'failed' && (
            <div className="result result--error" role="alert" data-testid="settings-load-error">
              <p>{loadError}</p>
              <button type="button" className="button" onClick={() => void model.load()}>
                Try again
              </button>
            </div>
          )}
          {phase === 'ready' && <SettingsForm model={model} mediaUrl={bridge.mediaUrl} onChosen={back} />}
        </main>
        {bridge.adminToken && <AdminTokenPrompt gate={bridge.adminToken} />}
      </div>
    </ModelContext.Provider>
  );
}

function SettingsForm({ model, mediaUrl, onChosen }: { model: SettingsModel; mediaUrl: (path: string) => string; onChosen: () => void }) {
  return (
    <form
      id="settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void saveAndShowErrors(model);
      }}
    >
      <ConnectionSection />
      <ProjectSection mediaUrl={mediaUrl} onChosen={onChosen} />
      <ShowSection />
      <ScheduleSection />
      <AutostartSection />
    </form>
  );
}

/** Saves; when refused, takes the person to the first field named. */
async function saveAndShowErrors(model: SettingsModel): Promise<void> {
  if (await model.save()) return;
  const first = Object.keys(model.store.getState().errors)[0] as keyof Settings | undefined;
  if (!first) return;
  // After React has drawn the error, so the screen reader reads it with the field.
  requestAnimationFrame(() => {
    const box = document.getElementById(controlId(first));
    const target = box?.matches('input, textarea, select') ? box : box?.querySelector<HTMLElement>('input:not([disabled]), textarea, select');
    target?.focus();
    box?.scrollIntoView({ block: 'center' });
  });
}

function SaveButton({ model, disabled }: { model: SettingsModel; disabled: boolean }) {
  const saving = useStore(model.store, (s) => s.saving);
  return (
    <button type="submit" form="settings-form" className="button button--primary" data-testid="save-settings" disabled={disabled || saving}>
      {saving ? 'Saving…' : 'Save'}
    </button>
  );
}

function NoticeLine({ model }: { model: SettingsModel }) {
  const notice = useStore(model.store, (s) => s.notice);
  useEffect(() => {
    if (notice?.kind === 'error' || !notice) return;
    const timer = setTimeout(() => model.store.setState({ notice: null }), SAVED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, model]);
  return (
    <p className={`settings__notice${notice ? ` settings__notice--${notice.kind}` : ''}`} role="status" data-testid="settings-notice">
      {notice?.text}
    </p>
  );
}
