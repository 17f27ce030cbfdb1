// The show's controls over HTTP: POST /api/show/{next,previous,pause,resume}
// from anything that may write (the renderer's keys and taps, a script, Home
// Assistant's REST command), and the renderer's report of what it shows
// (POST /api/show/showing; GET reads it). Writes are JSON: a plain HTML form
// on another site cannot send that. Beyond loopback they need the admin token,
// as settings do.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isShowCommand, SHOW_PATH_PREFIX, SHOWING_PATH, showingFrom } from '../../../shared/show';
import type { RunningFrame } from '../frame-types';
import { isLoopback } from '../util/host';
import { ADMIN_TOKEN_REQUIRED, type AdminGuard } from './admin-guard';
import { BadBody, readJsonBody } from './json-body';

type Send = (res: ServerResponse, status: number, body: unknown) => void;
type ShowFrame = Pick<RunningFrame, 'control' | 'reportShowing' | 'showing' | 'getSnapshot'>;

/** True when the request was one of ours (answered). */
export async function handleShowRoute(req: IncomingMessage, res: ServerResponse, url: URL, frame: ShowFrame, guard: AdminGuard, send: Send): Promise<boolean> {
  if (!url.pathname.startsWith(SHOW_PATH_PREFIX)) return false;
  const showing = url.pathname === SHOWING_PATH;
  const command = url.pathname.slice(SHOW_PATH_PREFIX.length);
  if (!showing && !isShowCommand(command)) return false;
  if (showing && (req.method === 'GET' || req.method === 'HEAD')) {
    send(res, 200, { showing: frame.showing(), paused: frame.getSnapshot().status.paused });
    return true;
  }
  if (req.method !== 'POST') {
    send(res, 405, { error: 'method not allowed: POST' });
    return true;
  }
  if (!isLoopback(req.socket.remoteAddress) && !guard.allows(req)) {
    send(res, 401, { error: ADMIN_TOKEN_REQUIRED });
    return true;
  }
  try {
    const body = await readJsonBody(req, 4 * 1024);
    if (showing) {
      const now = showingFrom(body);
      if (!now) return send(res, 400, { error: 'expected {"itemIds": ["<id>"], "title": "<text>"|null, "at": "<ISO time>"}' }), true;
      frame.reportShowing(now);
      send(res, 204, null);
      return true;
    }
    if (isShowCommand(command)) frame.control(command);
    send(res, 200, { ok: true, paused: frame.getSnapshot().status.paused });
  } catch (error) {
    if (error instanceof BadBody) send(res, 400, { error: error.message });
    else throw error;
  }
  return true;
}
