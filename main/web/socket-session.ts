// One browser connection to the web host: command frames in, answers and events out, with
// the limits a connection that misbehaves runs into. Commands under way are capped per
// socket: one over the cap is answered at once with ERR_TOO_MANY_COMMANDS and not run. An
// answer rather than a close, because the client learns exactly which of its commands did
// not run (the frames were read anyway, and an error answer costs next to nothing), and the
// commands it sent before keep their answers; a client that floods without reading its
// answers is closed by the send limit instead (send-watch.ts).

import type { WebSocket } from 'ws';
import type { ClientFrame, ServerFrame } from '../contract.ts';
import type { DownloadManager } from '../engine/download-manager.ts';
import type { Settings } from '../engine/item.ts';
import { dispatchNow } from '../host/dispatch.ts';
import type { Pairings } from '../host/extension/pairings.ts';
import { SnapshotBatcher } from '../host/snapshot-batcher.ts';
import type { CommandHandlers } from '../contract.ts';
import { SendWatch, type SendEvent, type SendLimits } from './send-watch.ts';

export interface SessionLimits {
  /** Commands whose work is still under way (synchronous ones finish as they arrive). */
  maxInFlight: number;
  send: SendLimits;
}

export interface SessionDeps {
  manager: DownloadManager;
  handlers: CommandHandlers;
  pairings: Pairings;
  limits: SessionLimits;
  onSendEvent: (event: SendEvent) => void;
  closed: () => void;
}

const SETTINGS_INTERVAL_MS = 100;
const BAD_FRAME = { ok: false, error: { code: 'ERR_INVALID_ARGUMENT', params: { variant: 'badFrame' } } } as const;

export function serveSocket(ws: WebSocket, deps: SessionDeps): void {
  const { manager, pairings, limits } = deps;
  const watch = new SendWatch(ws, limits.send, deps.onSendEvent);
  const send = (frame: ServerFrame) => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify(frame));
    watch.sent();
  };
  // Snapshots wait while the socket still has a lot unsent (a slow or stalled browser).
  const batcher = new SnapshotBatcher((payload) => send({ type: 'event', event: 'items', payload }), 100, () => watch.hasRoom());
  const onItems = (payload: Parameters<SnapshotBatcher['push']>[0]) => batcher.push(payload);
  // Settings go out at most once per interval, the latest: a burst of changes from one
  // client is not repeated a thousand times to every other.
  let settingsDue: Settings | undefined;
  let settingsTimer: NodeJS.Timeout | undefined;
  const onSettings = (payload: Settings) => {
    settingsDue = payload;
    settingsTimer ??= setTimeout(() => {
      settingsTimer = undefined;
      if (settingsDue) send({ type: 'event', event: 'settings', payload: settingsDue });
      settingsDue = undefined;
    }, SETTINGS_INTERVAL_MS);
  };
  const onPairings = (payload: ReturnType<Pairings['view']>) => send({ type: 'event', event: 'pairings', payload });
  manager.on('items', onItems);
  manager.on('settings', onSettings);
  pairings.on('changed', onPairings);

  let inFlight = 0;
  ws.on('message', (data, isBinary) => {
    const frame = parseFrame(String(data), isBinary);
    if (!frame) return send({ type: 'result', id: -1, result: BAD_FRAME });
    if (inFlight >= limits.maxInFlight) {
      return send({ type: 'result', id: frame.id, result: { ok: false, error: { code: 'ERR_TOO_MANY_COMMANDS', params: { max: limits.maxInFlight } } } });
    }
    const answer = dispatchNow(deps.handlers, frame.command, frame.args);
    if (!(answer instanceof Promise)) return send({ type: 'result', id: frame.id, result: answer });
    inFlight += 1;
    void answer.then((result) => {
      inFlight -= 1;
      send({ type: 'result', id: frame.id, result });
    });
  });
  ws.on('error', () => ws.terminate());
  ws.on('close', () => {
    clearTimeout(settingsTimer);
    watch.stop();
    batcher.stop();
    manager.off('items', onItems);
    manager.off('settings', onSettings);
    pairings.off('changed', onPairings);
    deps.closed();
  });
}

function parseFrame(text: string, isBinary: boolean): ClientFrame | undefined {
  if (isBinary) return undefined;
  try {
    const frame = JSON.parse(text) as ClientFrame;
    return typeof frame === 'object' && frame !== null && frame.type === 'invoke' && Number.isSafeInteger(frame.id) ? frame : undefined;
  } catch {
    return undefined;
  }
}
