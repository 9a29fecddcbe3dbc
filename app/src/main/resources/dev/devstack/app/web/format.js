// Values of the API in words for the page: durations, sizes, times. No decisions about services.

export const DASH = '–';

export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

export function uptime(service, now) {
  if (service.pid == null || !service.started_at) return DASH;
  return duration((now - Date.parse(service.started_at)) / 1000);
}

export function mebibytes(bytes) {
  if (bytes == null) return DASH;
  const mib = bytes / 1048576;
  return `${mib < 10 ? mib.toFixed(1) : Math.round(mib)} MiB`;
}

export function percent(value) {
  return value == null ? DASH : `${value.toFixed(1)}%`;
}

export function clock(iso) {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : at.toTimeString().slice(0, 8);
}

// The reason a port was chosen, in the words the stack gives (docs/json.md: reason.text).
export function reason(r) {
  return r?.text || r?.kind || DASH;
}

export function detailText(detail) {
  return detail?.text || (detail && detail.kind !== 'none' ? detail.kind.replaceAll('_', ' ') : DASH);
}
