// The stack's event stream (GET /api/events). It is opened afresh after every error or cut_off
// instead of letting EventSource reconnect by itself: a restarted stack numbers its events from 1
// again, so a Last-Event-ID from the old run would ask for the wrong ones. Each new stream brings
// the recent lines, then a snapshot, then what happens; from them the page rebuilds all it shows,
// so what it showed is dropped only once the new stream has opened.

const FIRST_DELAY = 500;
const MAX_DELAY = 3000;
const EVENTS = ['output', 'state_changed', 'processes_changed', 'notice', 'missed'];

export function openStream(url, { opened, snapshot, event, lost }) {
  let delay = FIRST_DELAY;

  const open = () => {
    const source = new EventSource(url);
    let closed = false;
    const retry = (why) => {
      if (closed) return;
      closed = true;
      source.close();
      lost(why);
      setTimeout(open, delay);
      delay = Math.min(delay * 2, MAX_DELAY);
    };
    source.addEventListener('open', () => {
      delay = FIRST_DELAY;
      opened();
    });
    source.addEventListener('snapshot', (m) => snapshot(JSON.parse(m.data)));
    for (const kind of EVENTS) {
      source.addEventListener(kind, (m) => event(kind, JSON.parse(m.data), Number(m.lastEventId)));
    }
    source.addEventListener('cut_off', (m) => retry(JSON.parse(m.data).reason));
    source.addEventListener('error', () => retry(null));
  };
  open();
}
