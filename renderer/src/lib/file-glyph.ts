// A small glyph for the kind of file, from its extension.

const KINDS: [RegExp, string][] = [
  [/\.(zip|7z|rar|tar|gz|tgz|bz2|xz|zst)$/i, '🗜'],
  [/\.(iso|img|dmg)$/i, '💿'],
  [/\.(mp4|mkv|mov|avi|webm)$/i, '🎞'],
  [/\.(mp3|flac|wav|ogg|m4a)$/i, '🎵'],
  [/\.(png|jpe?g|gif|webp|svg|heic)$/i, '🖼'],
  [/\.(pdf|docx?|odt|txt|md|epub)$/i, '📄'],
  [/\.(exe|msi|deb|rpm|appimage|apk|pkg)$/i, '📦'],
];

export function fileGlyph(name: string): string {
  return KINDS.find(([pattern]) => pattern.test(name))?.[1] ?? '📁';
}
