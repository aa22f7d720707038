import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWebClient, socketUrl, type ConnectionState, type SocketEvents, type SocketLike } from '../../renderer/src/api/web-client.ts';
import { snapshot } from './item-fixture.ts';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  readonly events: SocketEvents;
  constructor(events: SocketEvents) {
    this.events = events;
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.events.open();
  }
  drop() {
    this.readyState = 3;
    this.events.close();
  }
  receive(frame: unknown) {
    this.events.message(JSON.stringify(frame));
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const states: ConnectionState[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const client = createWebClient({
    url: 'ws://127.0.0.1:1/ws',
    createSocket: (url, events) => {
      assert.equal(url, 'ws://127.0.0.1:1/ws');
      const socket = new FakeSocket(events);
      sockets.push(socket);
      return socket;
    },
    onConnection: (state) => states.push(state),
    backoff: (attempt) => attempt * 100,
    setTimer: (run, ms) => timers.push({ run, ms }),
  });
  return { client, sockets, states, timers };
}

describe('the web client', () => {
  it('connects to /ws on the page host, passing the token from the address when there is one', () => {
    assert.equal(socketUrl({ protocol: 'http:', host: '127.0.0.1:8080', search: '?token=a%2Bb' }), 'ws://127.0.0.1:8080/ws?token=a%2Bb');
    assert.equal(socketUrl({ protocol: 'https:', host: 'nas.lan', search: '' }), 'wss://nas.lan/ws');
  });

  it('sends invoke frames and resolves each call with the result of the same id', async () => {
    const { client, sockets } = setup();
    const socket = sockets[0]!;
    socket.open();
    const first = client.invoke('pause', { ids: ['a'] });
    const second = client.invoke('list', {});
    assert.deepEqual(socket.sent, [
      { type: 'invoke', id: 1, command: 'pause', args: { ids: ['a'] } },
      { type: 'invoke', id: 2, command: 'list', args: {} },
    ]);
    socket.receive({ type: 'result', id: 2, result: { ok: true, value: [] } });
    socket.receive({ type: 'result', id: 1, result: { ok: false, error: { code: 'ERR_UNKNOWN_ITEM', message: 'No such download.' } } });
    assert.deepEqual(await second, { ok: true, value: [] });
    assert.deepEqual(await first, { ok: false, error: { code: 'ERR_UNKNOWN_ITEM', message: 'No such download.' } });
  });

  it('delivers events to listeners until they unsubscribe, and ignores frames it cannot read', () => {
    const { client, sockets } = setup();
    const socket = sockets[0]!;
    socket.open();
    const got: string[][] = [];
    const off = client.on('items', (payload) => got.push(payload.changed.map((item) => item.id)));
    socket.events.message('not json');
    socket.receive({ type: 'event', event: 'items', payload: { changed: [snapshot({ id: 'x' })], removed: [] } });
    off();
    socket.receive({ type: 'event', event: 'items', payload: { changed: [snapshot({ id: 'y' })], removed: [] } });
    assert.deepEqual(got, [['x']]);
  });

  it('refuses an event the contract does not name, as the preload does', () => {
    const { client } = setup();
    assert.throws(() => client.on('nope' as never, () => {}), /Unknown event/);
  });

  it('answers ERR_DISCONNECTED at once while down, and for calls cut off by a drop', async () => {
    const { client, sockets } = setup();
    const before = await client.invoke('list', {});
    assert.equal(before.ok, false);
    assert.equal(!before.ok && before.error.code, 'ERR_DISCONNECTED');
    sockets[0]!.open();
    const cut = client.invoke('list', {});
    sockets[0]!.drop();
    const result = await cut;
    assert.equal(!result.ok && result.error.code, 'ERR_DISCONNECTED');
  });

  it('reconnects with growing delays and reports its state', () => {
    const { client, sockets, states, timers } = setup();
    assert.deepEqual(states, ['connecting']);
    sockets[0]!.drop(); // never opened
    assert.equal(timers[0]!.ms, 100);
    timers[0]!.run();
    sockets[1]!.drop();
    assert.equal(timers[1]!.ms, 200);
    timers[1]!.run();
    sockets[2]!.open();
    assert.deepEqual(states, ['connecting', 'connecting', 'connecting', 'open']);
    sockets[2]!.drop();
    assert.equal(states.at(-1), 'reconnecting');
    assert.equal(timers[2]!.ms, 100, 'a successful connection resets the backoff');
    timers[2]!.run();
    sockets[3]!.open();
    assert.equal(states.at(-1), 'open');
    client.close();
    sockets[3]!.drop();
    assert.equal(timers.length, 3, 'no reconnect after close');
  });
});
