import { describe, expect, it, vi } from 'vitest';
import { mediaPath, videoPath } from '../../shared/media';
import { MEDIA_ORIGIN } from './media-origin';
import { handleMediaProtocol, mediaRequestHandler, type ProtocolHandlerRegistry } from './media-protocol';
import { FakeFrame } from './test-support/fake-frame';

function setup() {
  const frame = new FakeFrame();
  const logger = { warn: vi.fn() };
  return { frame, logger, handle: mediaRequestHandler(frame, logger) };
}

describe('frame-media scheme', () => {
  it('is answered by the handler', async () => {
    const { frame } = setup();
    let registered: Parameters<ProtocolHandlerRegistry['handle']>[1] | null = null;
    handleMediaProtocol({ handle: (scheme, handler) => void (scheme === 'frame-media' && (registered = handler)) }, frame);
    expect(registered).not.toBeNull();
    const response = await registered!(new Request(`${MEDIA_ORIGIN}/media/a.jpg?w=10&h=10&fit=fit`));
    expect(response.status).toBe(200);
  });
});

describe('mediaRequestHandler', () => {
  it('passes what the renderer built from mediaOrigin + mediaPath to the core, with the abort signal', async () => {
    const { frame, handle } = setup();
    const request = { fileId: '11062b_abc~mv2.jpg', width: 1920, height: 1080, fit: 'fill' as const };
    const url = `${MEDIA_ORIGIN}${mediaPath(request)}`;
    expect(url).toBe('frame-media://media/media/11062b_abc~mv2.jpg?w=1920&h=1080&fit=fill');
    const response = await handle(new Request(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(await response.text()).toBe('jpeg bytes');
    expect(frame.mediaRequests).toHaveLength(1);
    expect(frame.mediaRequests[0]!.request).toEqual(request);
    expect(frame.mediaRequests[0]!.signal).toBeInstanceOf(AbortSignal);
  });

  it("returns the core's own error responses unchanged", async () => {
    const { frame, handle } = setup();
    frame.mediaResponse = async () => new Response('Wix media timed out', { status: 504 });
    expect((await handle(new Request(`${MEDIA_ORIGIN}/media/a.jpg?w=1&h=1&fit=fit`))).status).toBe(504);
  });

  it.each([
    ['no size', '/media/a.jpg'],
    ['too large', '/media/a.jpg?w=6000&h=10&fit=fit'],
    ['bad fit', '/media/a.jpg?w=10&h=10&fit=stretch'],
    ['path traversal', '/media/..%2F..%2Fetc%2Fpasswd?w=10&h=10&fit=fit'],
    ['not under /media/', '/other/a.jpg?w=10&h=10&fit=fit'],
    ['the bare origin', '/'],
  ])('answers 400 for %s, without asking the core', async (_name, path) => {
    const { frame, handle } = setup();
    const response = await handle(new Request(`${MEDIA_ORIGIN}${path}`));
    expect(response.status).toBe(400);
    expect(frame.mediaRequests).toEqual([]);
  });

  it('answers 404 for another host', async () => {
    const { frame, handle } = setup();
    const response = await handle(new Request('frame-media://elsewhere/media/a.jpg?w=10&h=10&fit=fit'));
    expect(response.status).toBe(404);
    expect(frame.mediaRequests).toEqual([]);
  });

  it('answers 405 for anything but GET', async () => {
    const { handle } = setup();
    const response = await handle(new Request(`${MEDIA_ORIGIN}/media/a.jpg?w=10&h=10&fit=fit`, { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('turns a throwing core into 502', async () => {
    const { frame, handle, logger } = setup();
    frame.mediaResponse = () => Promise.reject(new Error('socket hang up'));
    const response = await handle(new Request(`${MEDIA_ORIGIN}/media/a.jpg?w=10&h=10&fit=fit`));
    expect(response.status).toBe(502);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('socket hang up'));
  });

  it('passes a video request to the core with the Range header and the abort signal, and its partial answer back', async () => {
    const { frame, handle } = setup();
    const url = `${MEDIA_ORIGIN}${videoPath({ itemId: 'item-7', height: 1080 })}`;
    expect(url).toBe('frame-media://media/video/item-7?h=1080');
    const response = await handle(new Request(url, { headers: { range: 'bytes=0-8' } }));
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 0-8/100');
    expect(await response.text()).toBe('mp4 bytes');
    expect(frame.videoRequests).toEqual([{ request: { itemId: 'item-7', height: 1080 }, range: 'bytes=0-8', signal: expect.any(AbortSignal) }]);
    expect(frame.mediaRequests).toEqual([]);
  });

  it('asks for the whole video when there is no Range', async () => {
    const { frame, handle } = setup();
    await handle(new Request(`${MEDIA_ORIGIN}/video/item-7?h=720`));
    expect(frame.videoRequests[0]!.range).toBeUndefined();
  });

  it.each([
    ['no height', '/video/item-7'],
    ['too tall', '/video/item-7?h=6000'],
    ['path traversal', '/video/..%2F..%2Fetc%2Fpasswd?h=10'],
    ['a dotted id', '/video/a.b?h=10'],
  ])('answers 400 for a video with %s, without asking the core', async (_name, path) => {
    const { frame, handle } = setup();
    expect((await handle(new Request(`${MEDIA_ORIGIN}${path}`))).status).toBe(400);
    expect(frame.videoRequests).toEqual([]);
  });

  it('turns a throwing core into 502 for videos too', async () => {
    const { frame, handle, logger } = setup();
    frame.videoResponse = () => Promise.reject(new Error('reset'));
    expect((await handle(new Request(`${MEDIA_ORIGIN}/video/item-7?h=10`))).status).toBe(502);
    expect(logger.warn).toHaveBeenCalledWith('Video item-7 failed: reset');
  });
});
