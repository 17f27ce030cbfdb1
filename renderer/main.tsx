// Composition root of the renderer: pick the shell's bridge, feed the store, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pickBridge } from './bridge/pick-bridge';
import { connectStore, frameStore } from './state/frame-store';
import './global.css';

const bridge = pickBridge(window);
connectStore(frameStore, bridge);
// Electron's kiosk shortcut: show settings (routed by hash, the page is a file).
bridge.onOpenSettings?.(() => {
  location.hash = '#/settings';
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App bridge={bridge} />
  </StrictMode>,
);
