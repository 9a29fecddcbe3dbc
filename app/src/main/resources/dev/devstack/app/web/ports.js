// The ports view: this stack's ports with the reason each was chosen (from the snapshot), and every
// listening port of the machine (GET /api/machine/ports, asked every 3 s only while it is shown),
// then the leases a team registry holds for other hosts (rows with a `host`), marked remote.

import { get } from './api.js';
import { DASH, clock, reason } from './format.js';

const MACHINE_EVERY_MS = 3000;

function row(cells, data) {
  const tr = document.createElement('tr');
  Object.assign(tr.dataset, data);
  for (const cell of cells) {
    const td = document.createElement('td');
    td.append(cell);
    tr.append(td);
  }
  return tr;
}

// A port as a link to the service on it, in a tab of its own.
export function link(port) {
  const a = document.createElement('a');
  a.href = `http://127.0.0.1:${port}`;
  a.target = '_blank';
  a.rel = 'noopener';
  a.textContent = String(port);
  return a;
}

// A service's name through the agent, shown without its scheme, as a link in a tab of its own.
export function nameLink(url) {
  const a = document.createElement('a');
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener';
  a.className = 'name';
  a.textContent = url.replace(/^http:\/\//, '');
  return a;
}

export function renderStackPorts(table, ports) {
  table.tBodies[0].replaceChildren(...ports.map((p) => row(
    [p.service, p.port_name || 'primary', link(p.port), reason(p.reason)],
    { service: p.service, port: String(p.port) })));
}

function process(p) {
  if (p.process) return p.process;
  if (p.pid == null) return DASH;
  return p.command ? `pid ${p.pid} (${p.command})` : `pid ${p.pid}`;
}

function lease(l) {
  if (!l) return DASH;
  return l.this_project ? `${l.owner} (this stack)` : l.owner;
}

// Another host's port: no address or process of it can be seen from here, so its host takes their place.
function remoteRow(p) {
  const where = document.createElement('span');
  where.className = 'remote';
  where.textContent = `remote: ${p.host}`;
  return row([String(p.port), where, 'a lease on another host, from the team registry', p.user || DASH,
    lease(p.lease), ''], { port: String(p.port), host: p.host, remote: 'true' });
}

function machineRow(p) {
  if (p.host) return remoteRow(p);
  const conflict = document.createElement('span');
  if (p.conflict) {
    conflict.className = 'conflict';
    conflict.textContent = 'conflict';
  }
  const tr = row([String(p.port), (p.addresses || []).join(', ') || DASH, process(p), p.user || DASH,
    lease(p.lease), conflict], { port: String(p.port) });
  if (p.conflict) tr.dataset.conflict = 'true';
  return tr;
}

export function createMachinePorts(table, note) {
  let on = false;
  let round = 0;
  let timer = 0;

  // `round` tells an answer that arrives after stop() (or after a stop and a new start) to drop itself.
  async function refresh(mine) {
    const answer = await get('/api/machine/ports');
    if (mine !== round) return;
    if (answer.success) {
      const remote = answer.data.filter((p) => p.host).length;
      note.textContent = `${answer.data.length - remote} listening or leased here`
        + (remote ? `, ${remote} leased on other hosts (remote)` : '') + `, as of ${clock(new Date())}`;
      table.tBodies[0].replaceChildren(...answer.data.map(machineRow));
    } else {
      note.textContent = `Not available: ${answer.error}`;
      table.tBodies[0].replaceChildren();
    }
    timer = setTimeout(() => refresh(mine), MACHINE_EVERY_MS);
  }

  return {
    start() {
      if (on) return;
      on = true;
      refresh(++round);
    },
    stop() {
      on = false;
      round++;
      clearTimeout(timer);
    },
  };
}
