// Drag-and-drop anywhere on the window: links from a browser (text/uri-list,
// text/x-moz-url), any text with links in it, and .txt files of links. While something is
// dragged over the window the overlay shows, with the number of links when the browser
// lets the page see them before the drop.

import { useEffect, useRef, useState } from 'react';
import { linksInText, linksInTransfer, type LinksInText } from '../lib/extract-urls.ts';
import { linksInDrag } from '../lib/drag-preview.ts';

export interface DragState {
  dragging: boolean;
  /** Links in the drag, or null when unknown until the drop. */
  links: number | null;
}

/**
 * `links` holds what was left out of them too (ftp://, magnet: …); `files` names the dropped
 * text files the links came from (none for dragged links or text).
 */
export type DropHandler = (links: LinksInText, files: string[]) => void;

/** Why a drop added nothing, for the window to put in words. */
export type EmptyDrop =
  | { kind: 'onlyOtherFiles'; names: string[] } // files, none of them text
  | { kind: 'noLink'; names: string[] } // text files, or dragged text (no names), without a link
  | { kind: 'unreadable' };

const TEXT_FILE = /\.(txt|text|list|urls?|csv|md|log)$/i;
const ACCEPTED = ['Files', 'text/uri-list', 'text/x-moz-url', 'text/plain'];
const IDLE: DragState = { dragging: false, links: null };

export function useWindowDrop(onDrop: DropHandler, onNothing: (why: EmptyDrop) => void): DragState {
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
        ({ links, files, skipped }) => {
          if (links.urls.length > 0) handlers.current.onDrop(links, files);
          else if (skipped.length > 0) handlers.current.onNothing({ kind: 'onlyOtherFiles', names: skipped });
          else handlers.current.onNothing({ kind: 'noLink', names: files });
        },
        () => handlers.current.onNothing({ kind: 'unreadable' }),
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
async function read(transfer: DataTransfer): Promise<{ links: LinksInText; files: string[]; skipped: string[] }> {
  const files = [...transfer.files];
  if (files.length === 0) return { links: linksInTransfer((type) => transfer.getData(type), [...transfer.types]), files: [], skipped: [] };
  const texts = files.filter((file) => TEXT_FILE.test(file.name) || file.type.startsWith('text/'));
  const skipped = files.filter((file) => !texts.includes(file)).map((file) => file.name);
  const contents = await Promise.all(texts.map((file) => file.text()));
  // As one text: a link in two of the files is one link, there twice.
  const links = linksInText(contents.join('\n'));
  return { links, files: texts.map((file) => file.name), skipped: texts.length > 0 ? [] : skipped };
}
