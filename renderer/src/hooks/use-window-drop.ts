// Drag-and-drop anywhere on the window: links from a browser (text/uri-list,
// text/x-moz-url), any text with links in it, and .txt files of links. While something is
// dragged over the window the overlay shows, with the number of links when the browser
// lets the page see them before the drop.

import { useEffect, useRef, useState } from 'react';
import { urlsInText, urlsInTransfer } from '../lib/extract-urls.ts';
import { linksInDrag } from '../lib/drag-preview.ts';

export interface DragState {
  dragging: boolean;
  /** Links in the drag, or null when unknown until the drop. */
  links: number | null;
}

/** `what` names the source for messages: "the drop", or the dropped files' names. */
export type DropHandler = (urls: string[], what: string) => void;

const TEXT_FILE = /\.(txt|text|list|urls?|csv|md|log)$/i;
const ACCEPTED = ['Files', 'text/uri-list', 'text/x-moz-url', 'text/plain'];
const IDLE: DragState = { dragging: false, links: null };

export function useWindowDrop(onDrop: DropHandler, onNothing: (message: string) => void): DragState {
  const [state, setState] = useState<DragState>(IDLE);
  const handlers = useRef({ onDrop, onNothing });
  useEffect(() => {
    handlers.current = { onDrop, onNothing };
  });

  useEffect(() => {
    let depth = 0;
    const accepts = (event: DragEvent) => Boolean(event.dataTransfer && [...event.dataTransfer.types].some((type) => ACCEPTED.includes(type)));
    const enter = (event: DragEvent) => {
      if (!accepts(event)) return;
      event.preventDefault();
      depth += 1;
      if (depth === 1) {
        const transfer = event.dataTransfer!;
        setState({ dragging: true, links: linksInDrag([...transfer.types], (type) => transfer.getData(type)) });
      }
    };
    const over = (event: DragEvent) => {
      if (!accepts(event)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      depth = Math.max(0, depth - 1);
      // relatedTarget is null when the pointer left the window (or the drag was cancelled).
      if (depth === 0 || event.relatedTarget === null) {
        depth = 0;
        setState(IDLE);
      }
    };
    const drop = (event: DragEvent) => {
      depth = 0;
      setState(IDLE);
      if (!accepts(event)) return;
      event.preventDefault();
      void read(event.dataTransfer!).then(
        ({ urls, what, skipped }) => {
          if (urls.length > 0) handlers.current.onDrop(urls, what);
          else if (skipped.length > 0) handlers.current.onNothing(`No link in ${skipped.join(', ')}: only links and text files of links can be dropped here. Nothing was added.`);
          else handlers.current.onNothing(`No link in ${what}: nothing was added. Links start with http:// or https://.`);
        },
        () => handlers.current.onNothing('The dropped files could not be read. Nothing was added.'),
      );
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
  }, []);
  return state;
}

/** The links a drop carries. Files win over the types a file manager adds alongside them. */
async function read(transfer: DataTransfer): Promise<{ urls: string[]; what: string; skipped: string[] }> {
  const files = [...transfer.files];
  if (files.length === 0) return { urls: urlsInTransfer((type) => transfer.getData(type), [...transfer.types]), what: 'the drop', skipped: [] };
  const texts = files.filter((file) => TEXT_FILE.test(file.name) || file.type.startsWith('text/'));
  const skipped = files.filter((file) => !texts.includes(file)).map((file) => file.name);
  const contents = await Promise.all(texts.map((file) => file.text()));
  const urls = [...new Set(contents.flatMap((text) => urlsInText(text)))];
  const what = texts.length > 0 ? texts.map((file) => file.name).join(', ') : 'the drop';
  return { urls, what, skipped: texts.length > 0 ? [] : skipped };
}
