// Calls to the stack's HTTP API (docs/protocol.md). Every answer is
// {"schema_version":1,"success":true,"data":...} or {"success":false,"error":"words"}; anything else
// (the stack gone, a proxy's page) becomes such an error too, so callers handle one shape.
// The key that goes with the page's cookie (docs/web.md, Access) lives in this tab only and goes
// with every request; without it the cookie acts on nothing.

const KEY = 'devstack-key';

export function keep(key) {
  sessionStorage.setItem(KEY, key);
}

export async function request(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  const key = sessionStorage.getItem(KEY);
  if (key !== null) init.headers['X-Devstack-Key'] = key;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    return { success: false, status: 0, error: `the stack does not answer (${e.message})` };
  }
  const answer = await response.json().catch(() => null);
  if (answer && typeof answer.success === 'boolean') return { ...answer, status: response.status };
  return { success: false, status: response.status, error: `HTTP ${response.status} from ${path}` };
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body);
