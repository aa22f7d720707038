// The limits of the settings and add options, without their schemas. contract.ts builds its
// zod schemas from these; the CLI checks its flags against them directly, so `tsuzuki get`
// never loads zod (3 MB of memory, measured, for a handful of comparisons).

/** Whole-number settings: the window offers less for some (1–64 at once); the CLI goes to these. */
export const WHOLE_NUMBER_LIMITS = {
  maxConcurrent: { min: 1, max: 1000 },
  connections: { min: 1, max: 32 },
  perHostConnections: { min: 1, max: 256 },
  maxRetries: { min: 0, max: 100 },
  stallTimeoutMs: { min: 1000, max: 600_000 },
  diskReserveBytes: { min: 0, max: 2 ** 40 },
} as const;

export type WholeNumberSetting = keyof typeof WHOLE_NUMBER_LIMITS;

export const PROXY_MAX_LENGTH = 2048;
export const HEADER_NAME_MAX_LENGTH = 256;
export const HEADER_VALUE_MAX_LENGTH = 16_384;
export const SHA256_PATTERN = /^[0-9a-fA-F]{64}$/;

/** Whether a whole number is within a setting's limits. */
export function withinLimits(setting: WholeNumberSetting, value: number): boolean {
  const { min, max } = WHOLE_NUMBER_LIMITS[setting];
  return Number.isSafeInteger(value) && value >= min && value <= max;
}
