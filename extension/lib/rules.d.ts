// Types for rules.js, so the project's tests can check the rules under Node.
export interface RuleSettings {
  enabled: boolean;
  bypassNext: boolean;
  bypassUntil: number;
  minBytes: number;
  skipSites: string[];
}
export type Decision = { catch: true } | { catch: false; reason: 'disabled' | 'bypass' | 'notHttp' | 'notGet' | 'private' | 'site' | 'small' };
export function isHandOffUrl(url: string | undefined): boolean;
export function decide(settings: RuleSettings, download: { url: string; method?: string; incognito?: boolean; totalBytes?: number; now: number }): Decision;
export function matchesSite(host: string, site: string): boolean;
export function parseSites(text: string): string[];
export function tsuzukiAddress(text: string | undefined): string | undefined;
