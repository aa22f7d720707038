// Speed limits as people write them: "500K", "2M", "1.5G", or plain bytes per second.

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

export function parseRate(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?(?:\/s)?\s*$/i.exec(text);
  if (!match) throw new Error(`"${text}" is not a speed. Write bytes per second, e.g. 500K, 2M or 1.5G (0 = no limit).`);
  return Math.round(Number(match[1]) * UNITS[match[2]!.toLowerCase()]!);
}
