import { describe, expect, it } from 'vitest';
import { NOT_CONFIGURED } from '../gallery/gallery-source';
import { ProblemList, storageProblem, type ProblemInputs } from './problems';

const calm: ProblemInputs = {
  setupNeeded: false,
  wixError: null,
  hasPhotos: true,
  screenCommandError: null,
  webhook: { enabled: true, accepted: 0, ignored: 0, rejected: 0 },
};

describe('ProblemList', () => {
  it('says nothing when all is well', () => {
    expect(new ProblemList().assemble(calm)).toEqual([]);
  });

  it('says Wix failing in words, with what still works and since when', () => {
    let now = Date.parse('2026-11-30T10:00:00Z');
    const list = new ProblemList(() => now);
    const first = list.assemble({ ...calm, wixError: 'Wix did not answer (timeout).' });
    expect(first).toEqual([
      {
        area: 'wix',
        message: 'Wix did not answer (timeout). The show goes on with the photos it has.',
        action: expect.stringMatching(/keeps retrying/),
        since: '2026-11-30T10:00:00.000Z',
        field: 'authMode',
      },
    ]);
    now += 60_000;
    expect(list.assemble({ ...calm, wixError: 'Wix answered HTTP 503.' })[0]!.since).toBe('2026-11-30T10:00:00.000Z');
    expect(list.assemble(calm)).toEqual([]);
    now += 1000;
    expect(list.assemble({ ...calm, wixError: 'again' })[0]!.since).toBe('2026-11-30T10:01:01.000Z');
  });

  it('says a message that is not Wix’s own as Wix being out of reach', () => {
    const [problem] = new ProblemList().assemble({ ...calm, wixError: 'getaddrinfo ENOTFOUND www.wixapis.com', hasPhotos: false });
    expect(problem!.message).toBe('Wix cannot be reached: getaddrinfo ENOTFOUND www.wixapis.com. Photos appear once Wix answers.');
  });

  it('leaves "not connected yet" to the setup problem, even after setup while the night pauses the gallery', () => {
    expect(new ProblemList().assemble({ ...calm, wixError: NOT_CONFIGURED })).toEqual([]);
  });

  it('points a rejected key at the key field', () => {
    const [problem] = new ProblemList().assemble({ ...calm, wixError: 'Wix refused the API key (401): check it in the settings.' });
    expect(problem!.field).toBe('apiKey');
    const [oauth] = new ProblemList().assemble({ ...calm, wixError: "Wix refused the credentials (HTTP 401): check the OAuth app's client ID, client secret and instance ID." });
    expect(oauth!.field).toBe('clientId');
  });

  it('puts setup first and leaves out Wix errors while not connected', () => {
    const problems = new ProblemList().assemble({ ...calm, setupNeeded: true, wixError: 'not configured', screenCommandError: 'switching it off with wlopm failed (wlopm: not found)' });
    expect(problems.map((p) => p.area)).toEqual(['setup', 'screen']);
    expect(problems[1]!.message).toBe('The screen could not be switched: switching it off with wlopm failed (wlopm: not found).');
    expect(problems[1]!.field).toBe('screenPower');
  });

  it('says refused webhooks while they are recent and not followed by an accepted one', () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    const list = new ProblemList(() => now);
    const refused = { enabled: true, accepted: 1, ignored: 0, rejected: 3, lastRejected: { at: '2026-11-30T09:59:00Z', reason: 'signature check failed' } };
    expect(list.assemble({ ...calm, webhook: refused })[0]).toMatchObject({ area: 'webhook', field: 'webhookPublicKey', message: expect.stringContaining('signature check failed') });
    expect(list.assemble({ ...calm, webhook: { ...refused, lastAcceptedAt: '2026-11-30T09:59:30Z' } })).toEqual([]);
    expect(list.assemble({ ...calm, webhook: { ...refused, lastRejected: { at: '2026-11-30T08:00:00Z', reason: 'old' } } })).toEqual([]);
  });

  it('carries problems other parts report, in order of importance', () => {
    const list = new ProblemList();
    list.report('storage', { area: 'storage', message: 'The SD card is full.', action: 'Free some space.' });
    const problems = list.assemble({ ...calm, wixError: 'down' });
    expect(problems.map((p) => p.area)).toEqual(['storage', 'wix']);
    list.report('storage', null);
    expect(list.assemble(calm)).toEqual([]);
  });

  it('says a full SD card in words, before Wix, with what still works', () => {
    const storage = { fault: 'full' as const, path: '/data', since: '2026-11-30T10:00:00.000Z', message: "The SD card is full: new photos can't be saved, the show goes on with the ones it has.", action: 'Free some space.' };
    const problems = new ProblemList();
    problems.report('storage', storageProblem(storage));
    const list = problems.assemble({ ...calm, wixError: 'Wix did not answer (timeout).' });
    expect(list.map((p) => p.area)).toEqual(['storage', 'wix']);
    expect(list[0]).toMatchObject({ message: "The SD card is full: new photos can't be saved, the show goes on with the ones it has.", action: 'Free some space.' });
  });

  it('names saved settings of the wrong type field by field, pointing at the first', () => {
    const invalidSettings = [
      { field: 'slideSeconds' as const, problem: 'x' },
      { field: 'transition' as const, problem: 'y' },
    ];
    const problems = new ProblemList();
    problems.report('storage', storageProblem(null, invalidSettings));
    expect(problems.assemble(calm)).toEqual([
      expect.objectContaining({ area: 'storage', message: 'Saved settings could not be used and are back to their defaults: Seconds per photo, Transition.', field: 'slideSeconds' }),
    ]);
  });
});
