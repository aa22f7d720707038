// A small badge for the kind of file: its extension, coloured by family.

const FAMILIES: [RegExp, string][] = [
  [/^(zip|7z|rar|tar|gz|tgz|bz2|xz|zst)$/, 'archive'],
  [/^(iso|img|dmg)$/, 'disk'],
  [/^(mp4|mkv|mov|avi|webm|mp3|flac|wav|ogg|m4a)$/, 'media'],
  [/^(png|jpe?g|gif|webp|svg|heic)$/, 'image'],
  [/^(pdf|docx?|odt|txt|md|epub)$/, 'document'],
  [/^(exe|msi|deb|rpm|appimage|apk|pkg)$/, 'package'],
];

export function fileBadge(name: string): { label: string; family: string } {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const family = FAMILIES.find(([pattern]) => pattern.test(ext))?.[1] ?? 'other';
  return { label: ext ? ext.slice(0, 4).toUpperCase() : 'FILE', family };
}
