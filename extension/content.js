// Runs in web pages: notices an Alt-click on a link (the user wants that download in the
// browser) and, when asked, lists the links inside the current selection.

document.addEventListener(
  'click',
  (event) => {
    if (!event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (link) chrome.runtime.sendMessage({ type: 'tsuzuki:alt-click' }).catch(() => {});
  },
  true,
);

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type !== 'tsuzuki:links-in-selection') return false;
  const selection = window.getSelection();
  const links = new Set();
  for (let index = 0; selection && index < selection.rangeCount; index++) {
    const range = selection.getRangeAt(index);
    const root = range.commonAncestorContainer instanceof Element ? range.commonAncestorContainer : range.commonAncestorContainer.parentElement;
    const candidates = root ? [...root.querySelectorAll('a[href]')] : [];
    const around = root?.closest('a[href]');
    if (around) candidates.push(around);
    for (const anchor of candidates) {
      if (range.intersectsNode(anchor) && /^https?:/i.test(anchor.href)) links.add(anchor.href);
      if (links.size >= 1000) break;
    }
  }
  sendResponse([...links]);
  return false;
});
