// The stack's event stream (GET /api/events). It is opened afresh after every error or cut_off
// instead of letting EventSource reconnect by itself: a restarted stack numbers its events from 1
// again, so a Last-Event-ID from the old run would ask for the wrong ones. Each new stream begins
// with a snapshot and the recent lines, from which the page rebuilds everything it shows.

const FIRST_DELAY = 500;
const MAX_DELAY = 3000;
const EVENTS = ['output', 'state_changed', 'processes_changed', 'notice', 'missed'];

export function openStream(url, { fresh, snapshot, event, lost }) {
  let delay = FIRST_DELAY;

  const open = () => {
    const source = new EventSource(url);
    let first = true;
    let closed = false;
    const retry = (why) => {
      if (closed) return;
      closed = true;
      source.close();
      lost(why);
      setTimeout(open, delay);
      delay = Math.min(delay * 2, MAX_DELAY);
    };
    source.addEventListener('snapshot', (m) => {
      const data = JSON.parse(m.data);
      if (first) {
        first = false;
        delay = FIRST_DELAY;
        fresh(data);
      } else {
        snapshot(data);
      }
    });
    for (const kind of EVENTS) {
      source.addEventListener(kind, (m) => event(kind, JSON.parse(m.data), Number(m.lastEventId)));
    }
    source.addEventListener('cut_off', (m) => retry(JSON.parse(m.data).reason));
    source.addEventListener('error', () => retry(null));
  };
  open();
}
