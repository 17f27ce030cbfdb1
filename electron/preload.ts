// Sandboxed preload: can only require 'electron', so scripts/build.mjs bundles
// this and everything it imports into one dist/electron/preload.cjs.
import { contextBridge, ipcRenderer } from 'electron';
import { PRELOAD_GLOBAL } from '../shared/channels';
import { MEDIA_ORIGIN } from './shell/media-origin';
import { createPreloadApi } from './shell/preload-api';

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, createPreloadApi(ipcRenderer, MEDIA_ORIGIN));
