// Numbers for people, shared by the terminal views.

import prettyBytes from 'pretty-bytes';

export function formatBytes(bytes: number): string {
  return prettyBytes(bytes, { maximumFractionDigits: 1 });
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  const hours = Math.floor(seconds / 3600);
  return `${hours} h ${Math.round((seconds - hours * 3600) / 60)} min`;
}
