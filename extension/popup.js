// The popup: whether Tsuzuki is connected, pairing, the bypass and the rules, and the last
// hand-offs with their progress. It keeps no state of its own; the worker does.

import { parseSites } from './lib/rules.js';

const $ = (id) => document.getElementById(id);
const text = (key) => chrome.i18n.getMessage(key) || key;
const ask = (type, extra = {}) => chrome.runtime.sendMessage({ type, ...extra });

for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = text(element.dataset.i18n);

const SI = ['B', 'kB', 'MB', 'GB', 'TB'];
function size(bytes) {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < SI.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${SI[unit]}`;
}

function render(state) {
  const connection = $('connection');
  connection.dataset.state = state.connection;
  connection.textContent = text(state.connection);
  const pairing = state.pairing;
  $('pairing').hidden = !(pairing && pairing.state === 'pending');
  $('code').textContent = pairing?.code ?? '';
  if (pairing && pairing.state !== 'pending' && state.connection !== 'connected') {
    connection.textContent = text(pairing.state === 'denied' ? 'pairingDenied' : 'pairingExpired');
  }
  $('connect').hidden = state.connection === 'connected' || pairing?.state === 'pending';
  $('forget').hidden = state.connection !== 'connected';
  $('enabled').checked = state.enabled;
  $('bypassNext').checked = state.bypassNext;
  if (document.activeElement?.tagName !== 'INPUT' && document.activeElement?.tagName !== 'TEXTAREA') {
    $('minMegabytes').value = String(Math.round(state.minBytes / 1e6));
    $('skipSites').value = state.skipSites.join('\n');
    $('address').value = state.address;
  }
  const progress = new Map(state.progress.map((item) => [item.id, item]));
  const list = $('recent');
  list.replaceChildren();
  if (state.recent.length === 0) {
    const empty = document.createElement('li');
    empty.textContent = text('nothingYet');
    list.append(empty);
  }
  for (const entry of state.recent.slice(0, 8)) {
    const row = document.createElement('li');
    const item = entry.id ? progress.get(entry.id) : undefined;
    row.dataset.outcome = entry.outcome;
    row.textContent = item?.name ?? entry.name;
    if (item) {
      const bar = document.createElement('progress');
      if (item.total) {
        bar.max = item.total;
        bar.value = item.bytes;
      }
      const line = document.createElement('div');
      line.className = 'hint';
      line.textContent = `${text(`state_${item.state}`)} · ${size(item.bytes)}${item.total ? ` / ${size(item.total)}` : ''}`;
      row.append(bar, line);
    } else if (entry.outcome === 'keptInBrowser') {
      const line = document.createElement('div');
      line.className = 'hint';
      line.textContent = text('keptInBrowser');
      row.append(line);
    }
    list.append(row);
  }
}

async function refresh() {
  const answer = await ask('state');
  if (answer?.ok) render(answer.value);
}

$('connect').addEventListener('click', async () => {
  await ask('pair');
  await refresh();
});
$('forget').addEventListener('click', async () => {
  await ask('forget');
  await refresh();
});
$('enabled').addEventListener('change', (event) => ask('save', { patch: { enabled: event.target.checked } }));
$('bypassNext').addEventListener('change', (event) => ask('save', { patch: { bypassNext: event.target.checked } }));
$('saveRules').addEventListener('click', async () => {
  const megabytes = Number($('minMegabytes').value);
  const sites = parseSites($('skipSites').value);
  const answer = await ask('save', { patch: { minBytes: Number.isFinite(megabytes) && megabytes > 0 ? Math.round(megabytes * 1e6) : 0, skipSites: sites, address: $('address').value.trim() || 'http://127.0.0.1:7890' } });
  const problem = answer?.ok ? answer.value?.problem : undefined;
  $('rulesProblem').hidden = !problem;
  $('rulesProblem').textContent = problem ? text(problem) : '';
  if (problem) return $('address').focus();
  await refresh();
});

void refresh();
// While open, the popup follows progress and the pairing (bounded by the popup's life).
setInterval(() => void refresh(), 1000);
