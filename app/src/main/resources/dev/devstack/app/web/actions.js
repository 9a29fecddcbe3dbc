// What this browser may do, and the actions it sends. Actions need the cookie and its key that
// POST /api/web/session gives for the one-time code `devstack web` puts in the page's address;
// without them every action button is disabled and the page says how to get them.

import { get, keep, post } from './api.js';

const TOAST_MS = 6000;
const ERROR_TOAST_MS = 12000;

function reloadWords(answer) {
  if (answer.success) {
    const d = answer.data;
    const parts = [['started', d.started], ['stopped', d.stopped], ['restarted', d.restarted]]
      .filter(([, units]) => units?.length)
      .map(([word, units]) => `${word} ${units.join(', ')}`);
    parts.push(`${d.unchanged?.length ?? 0} unchanged`);
    return `Configuration read again: ${parts.join('; ')}`;
  }
  const problems = answer.data?.problems || [];
  return [answer.error, ...problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`)].join('\n');
}

export function createActions({ body, access, toast, dialog, dialogText }) {
  let allowed = false;
  let hide = 0;

  function say(text, failed = false) {
    toast.textContent = text;
    toast.classList.toggle('error', failed);
    toast.hidden = false;
    clearTimeout(hide);
    hide = setTimeout(() => { toast.hidden = true; }, failed ? ERROR_TOAST_MS : TOAST_MS);
  }

  function applyAccess() {
    for (const button of document.querySelectorAll('button[data-action]')) button.disabled = !allowed;
  }

  function setAccess(on) {
    allowed = on;
    body.dataset.access = on ? 'actions' : 'read-only';
    access.textContent = on ? 'actions on' : 'read-only: run `devstack web` to act from this page';
    applyAccess();
  }

  // The code in the address (from `devstack web`) is exchanged once, at load, then removed from it.
  async function exchangeCode() {
    const code = new URLSearchParams(location.search).get('code');
    if (code === null) return;
    const answer = await post('/api/web/session', { code });
    history.replaceState(null, '', '/');
    if (answer.success) keep(answer.data.key);
    else say(`The one-time code was not accepted: ${answer.error}`, true);
  }

  async function checkAccess() {
    const answer = await get('/api/web/session');
    setAccess(answer.success && answer.data.actions === true);
  }

  function confirmKill(name) {
    return new Promise((resolve) => {
      dialogText.textContent = `Kill ${name}? SIGKILL goes to its whole process group, and it is not restarted until asked.`;
      dialog.returnValue = '';
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
      dialog.showModal();
    });
  }

  async function act(action, name) {
    if (action === 'reload') {
      const answer = await post('/api/reload');
      say(reloadWords(answer), !answer.success);
      return answer;
    }
    if (action === 'kill' && !(await confirmKill(name))) return null;
    const answer = await post(`/api/services/${encodeURIComponent(name)}/${action}`);
    if (answer.success) say(`${action} asked for ${name}`);
    else say(`${action} ${name}: ${answer.error}`, true);
    return answer;
  }

  document.addEventListener('click', async (e) => {
    const button = e.target.closest('button[data-action]');
    if (!button || button.disabled) return;
    const answer = await act(button.dataset.action, button.dataset.service);
    if (answer?.status === 401) setAccess(false);
  });
  dialog.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-confirm]');
    if (button) dialog.close(button.dataset.confirm);
  });
  toast.addEventListener('click', () => { toast.hidden = true; });

  return { exchangeCode, checkAccess, applyAccess };
}
