import { useEffect, useState, type RefObject } from 'react';

/**
 * The highlighted row of a keyboard list: kept inside the list as it shrinks, moved by next/previous, and
 * scrolled into view. `rowSelector` names the rows when the panel holds other selectable things.
 */
export function useListHighlight(length: number, panel: RefObject<HTMLElement | null>, rowSelector = '') {
  const [highlighted, setHighlighted] = useState(0);
  const last = Math.max(0, length - 1);
  const index = Math.min(highlighted, last);
  useEffect(() => {
    panel.current?.querySelector(`${rowSelector}[aria-selected="true"]`)?.scrollIntoView({ block: 'nearest' });
  }, [index, panel, rowSelector]);
  return {
    index,
    highlight: setHighlighted,
    next: () => setHighlighted(Math.min(index + 1, last)),
    previous: () => setHighlighted(Math.max(index - 1, 0)),
  };
}
