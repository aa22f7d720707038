import { forwardRef, useState } from 'react';
import { urlsInText } from '../lib/extract-urls.ts';

export interface AddBarProps {
  /** Called with the links found; returns whether they were taken (the box then clears). */
  onUrls: (urls: string[], source: string) => void;
}

/** One wide box for one link or a pasted block of text with many. */
export const AddBar = forwardRef<HTMLInputElement, AddBarProps>(function AddBar({ onUrls }, ref) {
  const [text, setText] = useState('');
  const submit = (value: string) => {
    onUrls(urlsInText(value), value);
    setText('');
  };
  return (
    <form
      className="add-bar"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) submit(text);
      }}
    >
      <input
        ref={ref}
        type="text"
        aria-label="Paste or drop links"
        placeholder="Paste or drop links — one or many"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onPaste={(event) => {
          const pasted = event.clipboardData.getData('text/plain');
          // A block with several links goes straight to the confirmation; one link stays editable.
          if (urlsInText(pasted).length > 1) {
            event.preventDefault();
            submit(pasted);
          }
        }}
        spellCheck={false}
        autoComplete="off"
      />
      <button type="submit" className="primary" disabled={!text.trim()}>
        Add
      </button>
    </form>
  );
});
