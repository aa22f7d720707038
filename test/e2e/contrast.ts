/// <reference lib="dom" />
// Contrast of text against what is drawn behind it, as WCAG 2 computes it, measured in the
// page from the colours the browser resolved (the theme's CSS variables included).

import type { Locator } from '@playwright/test';

/** The contrast ratio of an element's text colour with the first opaque background behind it. */
export function textContrast(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const rgb = (css: string) => {
      const parts = css.match(/[\d.]+/g)!.map(Number);
      return { r: parts[0]!, g: parts[1]!, b: parts[2]!, a: parts[3] ?? 1 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    let behind: Element | null = node;
    let background = rgb('rgba(0, 0, 0, 0)');
    while (behind && background.a === 0) {
      background = rgb(getComputedStyle(behind).backgroundColor);
      behind = behind.parentElement;
    }
    if (background.a === 0) background = rgb(getComputedStyle(document.body).backgroundColor);
    const [light, dark] = [luminance(rgb(getComputedStyle(node).color)), luminance(background)].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  });
}
