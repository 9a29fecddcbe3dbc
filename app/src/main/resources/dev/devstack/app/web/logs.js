// The log pane. Lines are kept in memory (the last KEEP of the stack and of each service) and
// drawn at most once a frame, at most MAX_DOM at a time, so that a service printing 1,000 lines/s
// costs the page a few appended elements per frame and its memory stays flat. In the page they sit
// in blocks of BLOCK lines; every block but the newest has `content-visibility: auto` (style.css),
// so the browser lays out only the blocks in sight and a frame's work does not grow with the lines
// kept. Service output is untrusted: it only ever reaches the page as text nodes.

import { clock } from './format.js';

const MAX_DOM = 2000;
const KEEP = 2000;
const SLACK = 500;
const BLOCK = 100;
const HUES = 8;

export function createLogPane({ box, select, search, count, follow, newer }) {
  let all = [];
  const byService = new Map();
  let pending = [];
  let frame = 0;
  let filter = '';
  let pattern = null;
  let following = true;
  let unseen = 0;
  let inPage = 0;
  let dragging = false;
  const hues = new Map();

  // Lists grow by SLACK before they are cut back, so that cutting is rare and cheap.
  const push = (list, line) => {
    list.push(line);
    return list.length > KEEP + SLACK ? list.slice(-KEEP) : list;
  };
  const shown = () => (filter ? byService.get(filter) || [] : all);

  function hue(service) {
    if (!hues.has(service)) hues.set(service, `c${hues.size % HUES}`);
    return hues.get(service);
  }

  function paint(span, text) {
    if (!pattern) {
      span.textContent = text;
      return false;
    }
    const parts = text.split(pattern);
    if (parts.length === 1) {
      span.textContent = text;
      return false;
    }
    span.replaceChildren();
    parts.forEach((part, i) => {
      if (i % 2 === 0) {
        if (part) span.append(part);
      } else {
        const mark = document.createElement('mark');
        mark.textContent = part;
        span.append(mark);
      }
    });
    return true;
  }

  function element(line) {
    const div = document.createElement('div');
    div.className = `line ${line.kind}`;
    div.dataset.service = line.service;
    div.dataset.seq = line.seq;
    const at = document.createElement('span');
    at.className = 'at';
    at.textContent = line.at;
    const name = document.createElement('span');
    name.className = `svc ${hue(line.service)}`;
    name.textContent = line.service || 'devstack';
    const text = document.createElement('span');
    text.className = 'text';
    paint(text, line.text);
    div.append(at, name, text);
    return div;
  }

  function countMatches() {
    if (!pattern) {
      count.textContent = '';
      return;
    }
    const n = box.querySelectorAll('.line:has(mark)').length;
    count.textContent = `${n} line${n === 1 ? '' : 's'}`;
  }

  function toBottom() {
    box.scrollTop = box.scrollHeight;
  }

  function showNewer() {
    newer.hidden = unseen === 0;
    newer.textContent = `${unseen} newer`;
  }

  function append(lines) {
    let block = box.lastElementChild;
    for (const line of lines) {
      if (!block || block.childElementCount >= BLOCK) {
        block = document.createElement('div');
        block.className = 'block';
        box.append(block);
      }
      block.append(element(line));
    }
    inPage += lines.length;
    while (inPage > MAX_DOM) {
      const oldest = box.firstElementChild;
      if (oldest.childElementCount <= inPage - MAX_DOM) {
        inPage -= oldest.childElementCount;
        oldest.remove();
      } else {
        oldest.firstElementChild.remove();
        inPage--;
      }
    }
  }

  function draw() {
    frame = 0;
    if (following && pending.length) {
      append(pending.slice(-MAX_DOM));
      toBottom();
      if (pattern) countMatches();
    }
    pending = [];
    showNewer();
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(draw);
  }

  function redraw() {
    pending = [];
    unseen = 0;
    box.replaceChildren();
    inPage = 0;
    append(shown().slice(-MAX_DOM));
    toBottom();
    countMatches();
    showNewer();
  }

  function setFollowing(on) {
    if (following === on) return;
    following = on;
    follow.setAttribute('aria-pressed', String(on));
    follow.textContent = on ? 'Following' : 'Paused';
    if (on) redraw();
  }

  function add(event, seq, kind, text) {
    const line = { seq, service: event.service || '', at: clock(event.at), kind, text };
    all = push(all, line);
    if (line.service) byService.set(line.service, push(byService.get(line.service) || [], line));
    if (filter && line.service !== filter) return;
    if (following) {
      pending.push(line);
      if (pending.length > MAX_DOM + SLACK) pending = pending.slice(-MAX_DOM);
    } else {
      unseen++;
    }
    schedule();
  }

  function setFilter(service) {
    filter = service;
    if (select.value !== service) select.value = service;
    if (following) redraw();
    else setFollowing(true);
  }

  function setSearch(text) {
    const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = text ? new RegExp(`(${escaped})`, 'i') : null;
    for (const span of box.querySelectorAll('.line > .text')) paint(span, span.textContent);
    countMatches();
  }

  let typing = 0;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => setSearch(search.value), 150);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && search.value) {
      search.value = '';
      setSearch('');
      e.stopPropagation();
    }
  });
  select.addEventListener('change', () => setFilter(select.value));
  follow.addEventListener('click', () => setFollowing(!following));
  newer.addEventListener('click', () => setFollowing(true));
  // Only the user pauses by scrolling (the wheel, keys, a drag of the scroll bar or a finger):
  // the page's own scrolling, and blocks that change height as they come into sight, never do.
  box.addEventListener('wheel', (e) => {
    if (e.deltaY < 0 && box.scrollTop > 0) setFollowing(false);
  }, { passive: true });
  box.addEventListener('keydown', (e) => {
    if (e.key === 'End') setFollowing(true);
    else if (['ArrowUp', 'PageUp', 'Home'].includes(e.key)) setFollowing(false);
  });
  box.addEventListener('pointerdown', () => { dragging = true; });
  box.addEventListener('touchstart', () => { dragging = true; }, { passive: true });
  for (const end of ['pointerup', 'pointercancel', 'touchend']) window.addEventListener(end, () => { dragging = false; });
  box.addEventListener('scroll', () => {
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 4;
    if (following && dragging && !atBottom) setFollowing(false);
    else if (!following && atBottom) setFollowing(true);
  });

  return {
    output: (event, seq) => add(event, seq, event.source === 'stderr' ? 'err' : 'out', event.line),
    note: (event, seq, text) => add(event, seq, 'sys', `▸ ${text}`),
    clear() {
      all = [];
      byService.clear();
      redraw();
    },
    setFilter,
    get filter() {
      return filter;
    },
    toggleFollow: () => setFollowing(!following),
    services(names) {
      const keep = select.value;
      const options = [new Option('all services', '')].concat(names.map((n) => new Option(n, n)));
      if (filter && !names.includes(filter)) options.push(new Option(filter, filter));
      select.replaceChildren(...options);
      select.value = keep;
    },
  };
}
