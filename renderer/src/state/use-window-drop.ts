// Drag-and-drop anywhere on the window: links from a browser (text/uri-list,
// text/x-moz-url), text with links in it, and .txt files of links.

import { useEffect, useState } from 'react';
import { urlsInText, urlsInTransfer } from '../lib/extract-urls.ts';

const TEXT_FILE = /\.(txt|list|urls?)$/i;

export function useWindowDrop(onDrop: (urls: string[], what: string) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const carriesSomething = (event: DragEvent) => Boolean(event.dataTransfer && event.dataTransfer.types.length > 0);
    const enter = (event: DragEvent) => {
      if (!carriesSomething(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesSomething(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const transfer = event.dataTransfer;
      if (!transfer) return;
      const files = [...transfer.files];
      if (files.length > 0) {
        const texts = files.filter((file) => TEXT_FILE.test(file.name) || file.type === 'text/plain');
        void Promise.all(texts.map((file) => file.text())).then((contents) => onDrop(urlsInText(contents.join('\n')), files.map((f) => f.name).join(', ')));
        return;
      }
      const types = [...transfer.types];
      onDrop(urlsInTransfer((type) => transfer.getData(type), types), 'the drop');
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onDrop]);
  return dragging;
}
