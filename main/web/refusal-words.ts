// The web host's own answers (a missing token, a foreign Host) in the reader's language:
// the language chosen in Settings, else the browser's Accept-Language.

import type { IncomingMessage } from 'node:http';
import { createI18n, resolveChoice, type I18n } from '../../i18n/index.ts';
import type { DownloadManager } from '../engine/download-manager.ts';
import type { Refusal } from './request-guard.ts';

const instances = new Map<string, I18n>();

function i18nFor(language: string): I18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = createI18n(language);
    instances.set(language, instance);
  }
  return instance;
}

/** `ja-JP,ja;q=0.9,en;q=0.8` → ['ja-JP', 'ja', 'en'], most wanted first. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
      return { tag: tag!.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

export function refusalWords(refusal: Refusal, request: IncomingMessage, manager: DownloadManager): { language: string; text: string } {
  return pageWords(`refused.${refusal.code}`, request, manager, refusal.params);
}

/** A line of the web host's own (`web.<key>` in the catalogue) for this request. */
export function pageWords(key: string, request: IncomingMessage, manager: DownloadManager, params: Record<string, string> = {}): { language: string; text: string } {
  const language = resolveChoice(manager.getSettings().language, acceptedLanguages(request.headers['accept-language']));
  return { language, text: i18nFor(language).t(`web.${key}`, params) };
}
