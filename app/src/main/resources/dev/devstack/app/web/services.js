// The services table and the counts per state in the header. Rows are kept by service name and
// their cells rewritten only when their text changes, so that focus and the selected row survive
// the snapshot that follows every change of the stack.

import { DASH, detailText, mebibytes, percent, uptime } from './format.js';
import { link, nameLink } from './ports.js';

const FIELDS = ['name', 'phase', 'ports', 'pid', 'uptime', 'restarts', 'cpu', 'memory', 'health'];
const ACTIONS = ['restart', 'stop', 'start', 'kill'];
// The order the header lists states in: a stable order reads better than the services' order.
const STATES = ['ready', 'running', 'starting', 'pending', 'unhealthy', 'backoff', 'stopping',
  'crashed', 'failed', 'blocked', 'exited', 'stopped'];

function setText(cell, text) {
  if (cell.textContent !== text) cell.textContent = text;
}

function setState(cell, state) {
  setText(cell, state);
  cell.className = `state s-${state}`;
}

export function renderCounts(box, services) {
  const counts = new Map();
  for (const s of services) counts.set(s.state, (counts.get(s.state) || 0) + 1);
  const order = [...STATES.filter((s) => counts.has(s)), ...[...counts.keys()].filter((s) => !STATES.includes(s))];
  box.replaceChildren(...order.map((state) => {
    const span = document.createElement('span');
    span.dataset.phase = state;
    span.className = `state s-${state}`;
    span.textContent = `${counts.get(state)} ${state}`;
    return span;
  }));
}

export function createServicesTable(table, onSelect) {
  const body = table.tBodies[0];
  const rows = new Map();
  let services = [];

  function makeRow(name) {
    const tr = document.createElement('tr');
    tr.dataset.service = name;
    tr.tabIndex = 0;
    const cells = {};
    for (const field of FIELDS) {
      const td = document.createElement('td');
      td.dataset.field = field;
      cells[field] = td;
      tr.append(td);
    }
    cells.name.textContent = name;
    const actions = document.createElement('td');
    actions.className = 'actions';
    for (const action of ACTIONS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.service = name;
      button.dataset.action = action;
      button.textContent = action;
      button.setAttribute('aria-label', `${action} ${name}`);
      if (action === 'kill') button.className = 'danger';
      actions.append(button);
    }
    tr.append(actions);
    return { tr, cells };
  }

  // The ports as links, then the service's name through the agent when it has one.
  function ports(cell, list, name) {
    const key = `${list.join(' ')} ${name ?? ''}`;
    if (cell.dataset.ports === key) return;
    cell.dataset.ports = key;
    if (!list.length) {
      cell.textContent = DASH;
      return;
    }
    cell.replaceChildren(...list.map(link), ...(name ? [nameLink(name)] : []));
  }

  function update(snapshot, usage, words, now, names) {
    services = snapshot.services;
    const seen = new Set();
    services.forEach((service, index) => {
      seen.add(service.name);
      let row = rows.get(service.name);
      if (!row) rows.set(service.name, (row = makeRow(service.name)));
      if (body.children[index] !== row.tr) body.insertBefore(row.tr, body.children[index] || null);
      const { cells } = row;
      setState(cells.phase, service.state);
      ports(cells.ports, service.ports, names.get(service.name));
      setText(cells.pid, service.pid == null ? DASH : String(service.pid));
      setText(cells.uptime, uptime(service, now));
      setText(cells.restarts, String(service.restarts));
      const use = usage.get(service.name);
      setText(cells.cpu, percent(use?.cpu_percent));
      setText(cells.memory, mebibytes(use?.memory_bytes));
      const word = words.get(service.name) ?? detailText(service.detail);
      setText(cells.health, word);
      cells.health.title = word;
    });
    for (const [name, row] of rows) {
      if (!seen.has(name)) {
        row.tr.remove();
        rows.delete(name);
      }
    }
  }

  function tick(now) {
    for (const service of services) {
      const row = rows.get(service.name);
      if (row) setText(row.cells.uptime, uptime(service, now));
    }
  }

  function mark(name) {
    for (const [key, row] of rows) {
      row.tr.classList.toggle('selected', key === name);
      if (key === name) row.tr.setAttribute('aria-current', 'true');
      else row.tr.removeAttribute('aria-current');
    }
  }

  body.addEventListener('click', (e) => {
    const tr = e.target.closest('tr[data-service]');
    if (tr && !e.target.closest('button, a')) onSelect(tr.dataset.service);
  });
  body.addEventListener('keydown', (e) => {
    const tr = e.target;
    if (!(tr instanceof HTMLTableRowElement)) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(tr.dataset.service);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      (e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling)?.focus();
    }
  });

  return { update, tick, mark };
}
