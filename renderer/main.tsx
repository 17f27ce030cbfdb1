// Composition root of the renderer: pick the shell's bridge, feed the store, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pickBridge } from './bridge/pick-bridge';
import { connectStore, frameStore } from './state/frame-store';
import './global.css';

const bridge = pickBridge(window);
connectStore(frameStore, bridge);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App bridge={bridge} />
  </StrictMode>,
);
