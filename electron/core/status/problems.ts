// What is wrong with the frame, in words a person can act on, most important
// first: the show's corner line and the settings screen both say these. Each
// area is one small function; the list remembers when each problem began.
import type { ProblemArea, StatusProblem } from '../../../shared/display';
import { LABELS, type InvalidStoredField } from '../../../shared/settings';
import type { WebhookHealth } from '../frame-types';
import { NOT_CONFIGURED } from '../gallery/gallery-source';
import type { StorageProblem } from '../storage/storage-health';

export interface ProblemInputs {
  setupNeeded: boolean;
  /** The gallery's last sync error (null when the last sync worked). */
  wixError: string | null;
  /** Whether a gallery is on screen (saved or synced), so the words can say what still works. */
  hasPhotos: boolean;
  screenCommandError: string | null;
  webhook: WebhookHealth;
}

type Found = Omit<StatusProblem, 'since'>;

/** How recent a refused webhook must be to be worth saying. */
const WEBHOOK_WINDOW_MS = 60 * 60_000;

export function setupProblem(input: ProblemInputs): Found | null {
  if (!input.setupNeeded) return null;
  return {
    area: 'setup',
    message: 'This frame is not connected to Wix yet.',
    action: 'Open the settings to connect it and choose a project.',
    field: 'authMode',
  };
}

export function wixProblem(input: ProblemInputs): Found | null {
  // "Not connected yet" is the setup problem's, and may outlive setup while the night pauses the gallery.
  if (!input.wixError || input.setupNeeded || input.wixError === NOT_CONFIGURED) return null;
  const field = wixField(input.wixError);
  // Wix's errors are sentences of their own ("Wix refused …", "Wix is unreachable …").
  const error = /^wix\b/i.test(input.wixError) ? trimSentence(input.wixError) : `Wix cannot be reached: ${trimSentence(input.wixError)}`;
  return {
    area: 'wix',
    message: `${error}. ${input.hasPhotos ? 'The show goes on with the photos it has.' : field === 'authMode' ? 'Photos appear once Wix answers.' : 'Photos appear once this is put right.'}`,
    action:
      field === 'authMode'
        ? 'The frame keeps retrying by itself; if this lasts, check the network and the Wix connection in the settings.'
        : `Correct it in the settings; the frame tries again by itself.`,
    field,
  };
}

/** The field that fixes a Wix error: the sign-in method's own fields for refused credentials. */
function wixField(error: string): StatusProblem['field'] {
  if (/OAuth/.test(error)) return 'clientId';
  if (/key|sign-in|credentials|unauthori[sz]ed|forbidden|401|403/i.test(error)) return 'apiKey';
  return /project ID/i.test(error) ? 'projectId' : 'authMode';
}

/**
 * The storage area, reported by the storage health (ProblemList.report): the
 * data dir first (it stops saving anything); else saved values that could not
 * be used, field by field.
 */
export function storageProblem(storage: StorageProblem | null, invalid: readonly InvalidStoredField[] = []): Found | null {
  if (storage) return { area: 'storage', message: storage.message, action: storage.action };
  if (invalid.length === 0) return null;
  const names = invalid.map(({ field }) => LABELS[field]);
  return {
    area: 'storage',
    message: `Saved settings could not be used and are back to their defaults: ${names.join(', ')}.`,
    action: `Set ${invalid.length === 1 ? 'it' : 'them'} again in the settings and save.`,
    field: invalid[0]!.field,
  };
}

export function screenProblem(input: ProblemInputs): Found | null {
  if (!input.screenCommandError) return null;
  return {
    area: 'screen',
    message: `The screen could not be switched: ${trimSentence(input.screenCommandError)}.`,
    action: 'Choose the screen switch that fits this display in the settings (night schedule).',
    field: 'screenPower',
  };
}

export function webhookProblem(input: ProblemInputs, now: number): Found | null {
  const last = input.webhook.lastRejected;
  if (!input.webhook.enabled || !last) return null;
  const at = Date.parse(last.at);
  if (now - at > WEBHOOK_WINDOW_MS) return null;
  if (input.webhook.lastAcceptedAt && Date.parse(input.webhook.lastAcceptedAt) > at) return null;
  return {
    area: 'webhook',
    message: `Wix's instant updates are being refused (${trimSentence(last.reason)}); changes still arrive with the regular check.`,
    action: 'Check that the webhook public key in the settings is the one your Wix app shows.',
    field: 'webhookPublicKey',
  };
}

/** Most important first: what stops the show before what only slows it. */
const PRIORITY: ProblemArea[] = ['setup', 'storage', 'wix', 'relay', 'screen', 'webhook'];

const AREAS: ((input: ProblemInputs, now: number) => Found | null)[] = [setupProblem, wixProblem, screenProblem, webhookProblem];

/** Assembles the list and keeps each problem's start time while it lasts. */
export class ProblemList {
  private readonly since = new Map<ProblemArea, string>();
  /** Problems other parts report themselves (storage, relay): area → problem. */
  private readonly reported = new Map<ProblemArea, Found>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Sets or clears (null) a problem that another part of the core watches. */
  report(area: ProblemArea, problem: Found | null): void {
    if (problem) this.reported.set(area, problem);
    else this.reported.delete(area);
  }

  assemble(input: ProblemInputs): StatusProblem[] {
    const now = this.now();
    const found = [...AREAS.map((area) => area(input, now)), ...this.reported.values()]
      .filter((p): p is Found => p !== null)
      .sort((a, b) => PRIORITY.indexOf(a.area) - PRIORITY.indexOf(b.area));
    const present = new Set(found.map((p) => p.area));
    for (const area of [...this.since.keys()]) if (!present.has(area)) this.since.delete(area);
    return found.map((problem) => {
      if (!this.since.has(problem.area)) this.since.set(problem.area, new Date(now).toISOString());
      return { ...problem, since: this.since.get(problem.area) ?? null };
    });
  }
}

function trimSentence(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}
