// Small line icons drawn inline, so they look the same on every system (no emoji font).

const PATHS = {
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  play: 'M7 4l13 8-13 8z',
  cancel: 'M6 6l12 12M18 6L6 18',
  retry: 'M4 12a8 8 0 1 0 2.3-5.6M4 4v4h4',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  const filled = name === 'pause' || name === 'play';
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" className="icon">
      <path d={PATHS[name]} fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={name === 'more' ? 3 : 2} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
