import { splitForEllipsis } from '../lib/format.ts';

/**
 * A file name that, when cut short, keeps its end (the extension and version) in view:
 * the start is ellipsized, the last characters are not. Assistive technology reads the
 * whole name once, not the two visual pieces.
 */
export function FileName({ name }: { name: string }) {
  const [head, tail] = splitForEllipsis(name);
  if (!tail) {
    return (
      <span className="name" title={name}>
        <span className="name-head">{name}</span>
      </span>
    );
  }
  return (
    <span className="name" title={name}>
      <span className="visually-hidden">{name}</span>
      <span className="name-head" aria-hidden="true">
        {head}
      </span>
      <span className="name-tail" aria-hidden="true">
        {tail}
      </span>
    </span>
  );
}
