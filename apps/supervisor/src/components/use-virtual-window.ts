import { useLayoutEffect, useRef, useState } from 'react';

/** Where nothing is laid out (a hidden tab, a test): as if the list were this tall. */
const UNMEASURED_HEIGHT = 800;

/**
 * The rows of a long list to render (SV1): those in view in a scrolling container of rows all
 * `rowHeight` tall, and `overscan` more on each side; `before` and `after` are the heights the rest
 * would take. It re-renders only when a row boundary is crossed, not on every scrolled pixel.
 */
export function useVirtualWindow<E extends HTMLElement>(count: number, rowHeight: number, overscan = 10) {
  const ref = useRef<E>(null);
  const [view, setView] = useState({ top: 0, rows: Math.ceil(UNMEASURED_HEIGHT / rowHeight) });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const top = Math.floor(el.scrollTop / rowHeight);
      const rows = Math.ceil((el.clientHeight || UNMEASURED_HEIGHT) / rowHeight);
      setView((v) => (v.top === top && v.rows === rows ? v : { top, rows }));
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resized?.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      resized?.disconnect();
    };
  }, [rowHeight]);
  const first = Math.min(count, Math.max(0, view.top - overscan));
  const last = Math.min(count, view.top + view.rows + overscan);
  return { ref, first, last, before: first * rowHeight, after: (count - last) * rowHeight };
}
