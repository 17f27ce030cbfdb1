// Starts the built-in demo Wix and returns the settings that point Frame at it.
import type { FrameConfig } from '../config/env-config';
import { readDemoClip } from './demo-clip';
import { FakeWix } from './fake-wix';
import { DEMO_API_KEY, DEMO_CLIP_FILE, DEMO_PROJECT_ID, DEMO_SITE_ID, demoItems } from './sample-project';

export async function startDemoWix(config: FrameConfig): Promise<{ wix: FakeWix; config: FrameConfig }> {
  const wix = await FakeWix.start({ apiKey: DEMO_API_KEY, siteId: DEMO_SITE_ID });
  const items = demoItems(wix.url);
  const clip = readDemoClip();
  if (clip) wix.videoFiles.set(DEMO_CLIP_FILE, { body: clip, contentType: 'video/webm' });
  wix.addProject({ id: DEMO_PROJECT_ID, title: 'Family album (demo)', coverFileId: items[0]?.image?.imageInfo.id, items });
  return {
    wix,
    config: {
      ...config,
      wix: { ...config.wix, apiBaseUrl: wix.url, mediaBaseUrl: wix.url, videoBaseUrl: wix.url, auth: { kind: 'apiKey', apiKey: DEMO_API_KEY, siteId: DEMO_SITE_ID }, projectId: DEMO_PROJECT_ID },
    },
  };
}
