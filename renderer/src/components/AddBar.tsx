import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { linksInText, type LinksInText } from '../lib/extract-urls.ts';

export interface AddBarHandle {
  focus(): void;
  /** Ctrl/Cmd+V outside any text box lands here, as if pasted into the box. */
  paste(text: string): void;
}

export interface AddBarProps {
  ref?: Ref<AddBarHandle>;
  /**
   * Called with the links found in `text` (possibly none) and what was left out of them.
   * Resolves to whether they were taken: the box empties at once, and gets the text back if
   * it was not.
   */
  onSubmit: (links: LinksInText, text: string) => Promise<boolean>;
}

/** One wide box for one link, or a pasted block of text with many. */
export function AddBar({ ref, onSubmit }: AddBarProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const submit = (value: string) => {
    setText('');
    void onSubmit(linksInText(value), value).then((taken) => {
      // One line: a text box would drop the line breaks and glue the links together.
      if (!taken) setText((current) => (current === '' ? value.replace(/\s+/g, ' ').trim() : current));
    });
  };

  /**
   * A block with several links, or with others left out of it, goes to the confirmation
   * (which names what is left out); one link is put in the box to check and Add.
   */
  const paste = (pasted: string): boolean => {
    const { urls, leftOut, repeated } = linksInText(pasted);
    if (urls.length > 1 || (urls.length === 1 && (leftOut.length > 0 || repeated > 0))) {
      submit(pasted);
      return true;
    }
    if (urls.length === 1 && pasted.trim() !== urls[0]) {
      setText(urls[0]!);
      return true;
    }
    return false;
  };

  useImperativeHandle(ref, () => ({
    focus: () => input.current?.focus(),
    paste(pasted) {
      input.current?.focus();
      if (!paste(pasted)) setText(pasted.replace(/\s+/g, ' ').trim());
    },
  }));

  return (
    <form
      className="add-bar"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) submit(text);
      }}
    >
      <input
        ref={input}
        type="text"
        inputMode="url"
        aria-label={t('ui.addBar.label')}
        placeholder={t('ui.addBar.placeholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onPaste={(event) => {
          if (paste(event.clipboardData.getData('text/plain'))) event.preventDefault();
        }}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
      />
      <button type="submit" className="primary" disabled={!text.trim()}>
        {t('ui.addBar.add')}
      </button>
    </form>
  );
}
