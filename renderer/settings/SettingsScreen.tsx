// The settings screen: one calm scrolling page under a bar that always shows
// Save and the way back. Escape goes back; Enter in a field saves. Leaving
// with unsaved changes asks first.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Settings } from '../../shared/settings';
import type { FrameBridge } from '../bridge/frame-bridge';
import { navigate } from '../routing';
import { AdminTokenPrompt } from './AdminTokenPrompt';
import { AutostartSection } from './AutostartSection';
import { ConnectionSection } from './ConnectionSection';
import { FleetSection } from './FleetSection';
import { focusField } from './fields';
import { LeaveDialog } from './LeaveDialog';
import { ModelContext } from './model-context';
import { ProblemsSummary } from './ProblemsSummary';
import { ProjectSection } from './ProjectSection';
import { ScheduleSection } from './ScheduleSection';
import { createSettingsModel, type SettingsModel } from './settings-model';
import { SetupQr } from './SetupQr';
import { ShowSection } from './ShowSection';
import './settings.css';

const SAVED_NOTICE_MS = 4_000;

export function SettingsScreen({ bridge, backHref }: { bridge: FrameBridge; backHref: string }) {
  const [model] = useState(() => createSettingsModel(bridge));
  const phase = useStore(model.store, (s) => s.phase);
  const loadError = useStore(model.store, (s) => s.loadError);
  const firstRun = useStore(model.store, (s) => s.saved !== null && s.saved.authMode === 'none');
  const [asking, setAsking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const leave = useCallback(() => navigate(backHref), [backHref]);
  const back = useCallback(() => (model.isDirty() ? setAsking(true) : leave()), [model, leave]);

  useEffect(() => {
    void model.load();
    heading.current?.focus();
  }, [model]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || asking || bridge.adminToken?.state.getState().prompt) return;
      e.preventDefault();
      back();
    };
    // A browser tab closed or reloaded with changes: the browser asks. Not in the
    // Electron kiosk (bridge without adminToken), where it would silently block reloads.
    const onUnload = (e: BeforeUnloadEvent) => {
      if (bridge.adminToken && model.isDirty()) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [back, bridge, model, asking]);

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
          {firstRun && (
            <p className="section__lead" data-testid="first-run">
              Welcome! Connect this frame to your Wix site: choose how it signs in, paste the details, test, and tap the project to show.
            </p>
          )}
          {firstRun && <SetupQr />}
          <ProblemsSummary />
          {phase === 'loading' && <p className="section__hint">Loading the settings…</p>}
          {phase === 'failed' && (
            <div className="result result--error" role="alert" data-testid="settings-load-error">
              <p>{loadError}</p>
              <button type="button" className="button" onClick={() => void model.load()}>
                Try again
              </button>
            </div>
          )}
          {phase === 'ready' && <SettingsForm model={model} mediaUrl={bridge.mediaUrl} onChosen={leave} firstRun={firstRun} />}
          {phase === 'ready' && !firstRun && (
            <section className="section" aria-labelledby="section-phone">
              <h2 id="section-phone">From your phone</h2>
              <SetupQr untitled />
            </section>
          )}
        </main>
        {bridge.adminToken && <AdminTokenPrompt gate={bridge.adminToken} />}
        {asking && (
          <LeaveDialog
            onSave={async () => {
              setAsking(false);
              if (await saveAndShowErrors(model)) leave();
            }}
            onDiscard={leave}
            onStay={() => setAsking(false)}
          />
        )}
      </div>
    </ModelContext.Provider>
  );
}

/** The first run shows only what it takes to start the show; the rest waits for the next visit. */
function SettingsForm({ model, mediaUrl, onChosen, firstRun }: { model: SettingsModel; mediaUrl: (path: string) => string; onChosen: () => void; firstRun: boolean }) {
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
      <FleetSection />
      <ProjectSection mediaUrl={mediaUrl} onChosen={onChosen} />
      {firstRun ? (
        <p className="section__hint">The show, the night schedule and starting on boot can be set here once the frame is connected.</p>
      ) : (
        <>
          <ShowSection mediaUrl={mediaUrl} />
          <ScheduleSection />
          <AutostartSection />
        </>
      )}
    </form>
  );
}

/** Saves; when refused, takes the person to the first field named. True when saved. */
async function saveAndShowErrors(model: SettingsModel): Promise<boolean> {
  if (await model.save()) return true;
  const first = Object.keys(model.store.getState().errors)[0] as keyof Settings | undefined;
  // After React has drawn the error, so the screen reader reads it with the field.
  if (first) requestAnimationFrame(() => focusField(first));
  return false;
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
