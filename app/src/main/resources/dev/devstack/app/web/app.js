// The page: one more client of the stack's HTTP API (docs/web.md). It shows what the API's JSON
// says, in words and colours, and decides nothing about services itself.

import { get } from './api.js';
import { createActions } from './actions.js';
import { detailText } from './format.js';
import { createLogPane } from './logs.js';
import { createMachinePorts, renderStackPorts } from './ports.js';
import { createServicesTable, renderCounts } from './services.js';
import { openStream } from './stream.js';

const HISTORY_LINES = 1000;
const USAGE_EVERY_MS = 2000;
const TICK_MS = 1000;

const $ = (id) => document.getElementById(id);
const body = document.body;

let snapshot = null;
let usage = new Map();
// Each service's name through the agent (http://web.shop.localhost:2080), when the stack's URLs are names.
let names = new Map();
let namesOf = '';
// A service's latest notice, shown as its last event until its next change of state.
const notices = new Map();

const actions = createActions({
  body, access: $('access'), toast: $('toast'), dialog: $('confirm'), dialogText: $('confirm-text'),
});
const logs = createLogPane({
  box: $('logs'), select: $('log-service'), search: $('search'), count: $('search-count'),
  follow: $('follow'), newer: $('newer'),
});
const table = createServicesTable($('services'), (name) => {
  logs.setFilter(name);
  table.mark(name);
});
const machine = createMachinePorts($('machine-ports'), $('machine-note'));
$('log-service').addEventListener('change', (e) => table.mark(e.target.value));

function showTable() {
  table.update(snapshot, usage, notices, Date.now(), names);
  actions.applyAccess();
}

function show() {
  $('project').textContent = snapshot.project;
  $('instance').textContent = `(${snapshot.instance})`;
  document.title = `${snapshot.project} · devstack`;
  renderCounts($('counts'), snapshot.services);
  showTable();
  renderStackPorts($('stack-ports'), snapshot.ports);
  logs.services(snapshot.services.map((s) => s.name));
}

function connection(state, words) {
  body.dataset.connection = state;
  $('connection').textContent = words;
}

const accessKnown = actions.exchangeCode();

openStream(`/api/events?snapshots=true&lines=${HISTORY_LINES}`, {
  opened() {
    notices.clear();
    logs.clear();
    connection('live', 'live');
    accessKnown.then(actions.checkAccess);
    refreshUsage();
  },
  snapshot(data) {
    snapshot = data;
    const services = snapshot.services.map((s) => s.name).join(' ');
    if (services !== namesOf) {
      namesOf = services;
      refreshNames();
    }
    show();
    table.mark(logs.filter);
  },
  event(kind, data, seq) {
    if (kind === 'output') {
      logs.output(data, seq);
    } else if (kind === 'notice') {
      logs.note(data, seq, data.message);
      if (data.service) {
        notices.set(data.service, data.message);
        showTable();
      }
    } else if (kind === 'state_changed') {
      logs.note(data, seq, `${data.state}: ${detailText(data.detail)}`);
      notices.delete(data.service);
    } else if (kind === 'missed') {
      logs.note({ at: new Date().toISOString() }, seq, `events ${data.first} to ${data.last} are no longer held by the stack`);
    }
  },
  lost(why) {
    connection('disconnected', why ? `disconnected (${why}) — reconnecting…` : 'disconnected — reconnecting…');
  },
});

async function refreshNames() {
  const answer = await get('/api/ports');
  names = answer.success ? new Map(Object.entries(answer.names)) : new Map();
  if (snapshot) showTable();
}

async function refreshUsage() {
  const answer = await get('/api/usage');
  usage = answer.success ? new Map(Object.entries(answer.data.services)) : new Map();
  if (snapshot) showTable();
}

// One loop for the whole page's life: it asks only while the page is visible and the stream live.
function pollUsage() {
  if (!document.hidden && body.dataset.connection === 'live') refreshUsage();
  setTimeout(pollUsage, USAGE_EVERY_MS);
}
pollUsage();

setInterval(() => {
  if (!document.hidden && snapshot) table.tick(Date.now());
}, TICK_MS);

const tabs = [$('tab-services'), $('tab-ports')];

function showTab(tab) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  if (tab.id === 'tab-ports' && !document.hidden) machine.start();
  else machine.stop();
}

for (const tab of tabs) {
  tab.addEventListener('click', () => showTab(tab));
  tab.addEventListener('keydown', (e) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (!step) return;
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
    next.focus();
    showTab(next);
  });
}

document.addEventListener('visibilitychange', () => {
  showTab(tabs.find((t) => t.getAttribute('aria-selected') === 'true'));
});

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || $('confirm').open) return;
  if (e.target.closest?.('input, select, textarea')) return;
  if (e.key === '/') {
    e.preventDefault();
    showTab(tabs[0]);
    $('search').focus();
  } else if (e.key === 'f') {
    logs.toggleFollow();
  }
});

$('api-url').href = location.origin;
$('api-url').textContent = location.origin;
