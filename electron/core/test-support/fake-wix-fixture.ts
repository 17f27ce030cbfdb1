// A fake Wix with one project of generated items, for core tests.
import { FakeWix } from '../demo/fake-wix';
import { sampleItem, type RawWixItem } from '../demo/sample-project';

export const TEST_KEY = 'test-api-key';
export const TEST_SITE = '5173e000-0000-4000-8000-000000000001';
export const PROJECT_A = 'aaaaaaaa-0000-4000-8000-000000000001';
export const PROJECT_B = 'bbbbbbbb-0000-4000-8000-000000000002';
export const OAUTH = { clientId: 'client-1', clientSecret: 'secret-1', instanceId: '1a57a7ce-0000-4000-8000-000000000001' };

export async function startFakeWix(itemCount = 5, options: { tokenLifetimeSeconds?: number } = {}): Promise<FakeWix> {
  const wix = await FakeWix.start({ apiKey: TEST_KEY, siteId: TEST_SITE, oauth: { ...OAUTH, ...options } });
  wix.addProject({ id: PROJECT_A, title: 'Holidays', items: makeItems(PROJECT_A, itemCount, wix.url) });
  wix.addProject({ id: PROJECT_B, title: 'Garden', items: makeItems(PROJECT_B, 3, wix.url) });
  return wix;
}

export function makeItems(projectId: string, count: number, mediaBaseUrl: string): RawWixItem[] {
  return Array.from({ length: count }, (_, i) => sampleItem(projectId, i, mediaBaseUrl));
}

/** Port 0 for both servers: tests never bind the runtime contract's fixed ports (a frame may run on this machine). */
export const FREE_PORTS = { FRAME_HTTP_PORT: '0', FRAME_WEBHOOK_PORT: '0' } as const;

/** The environment that points a frame at a fake Wix with the test project. */
export function frameEnvFor(wixUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { WIX_API_BASE_URL: wixUrl, WIX_MEDIA_BASE_URL: wixUrl, WIX_API_KEY: TEST_KEY, WIX_SITE_ID: TEST_SITE, WIX_PROJECT_ID: PROJECT_A, ...FREE_PORTS, ...extra };
}
