/**
 * A chart drawn by Observable Plot into a box whose width it follows, with SVG and PNG
 * downloads. Marks made with `pickable()` become keyboard-reachable buttons: click, Enter or
 * Space on one calls `onPick` with its key.
 */
import type { RenderFunction } from '@observablehq/plot';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { savePng, saveSvg } from './download.js';

interface Props {
  /** file name of downloads, without extension */
  name: string;
  /** what the chart shows, for screen readers and the download buttons */
  label: string;
  /** draws the chart at this width; memoize it (useCallback) so it redraws only when its data changes */
  draw: (width: number) => Element | null;
  onPick?: (key: string) => void;
  /** draw when the page is idle: for charts below the first one, so it is not kept waiting */
  idle?: boolean;
}

const whenIdle = (f: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(f, { timeout: 600 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(f, 30);
  return () => clearTimeout(id);
};

export function PlotFigure({ name, label, draw, onPick, idle }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const pick = useRef(onPick);
  pick.current = onPick;

  useLayoutEffect(() => {
    const el = box.current!;
    setWidth(Math.floor(el.clientWidth));
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      // ignore sub-10px jitter (scrollbars coming and going) so charts are not redrawn in a loop
      setWidth((old) => (Math.abs(old - w) >= 10 ? w : old));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!el || width === 0) return;
    const paint = () => {
      const node = draw(width);
      el.replaceChildren(...(node ? [node] : []));
    };
    if (!idle) return paint();
    return whenIdle(paint);
  }, [draw, width, idle]);

  useEffect(() => {
    const el = box.current!;
    const target = (e: Event) => (e.target instanceof Element ? e.target.closest<Element>('[data-pick]') : null);
    // Plot's tip turns sticky on pointerdown and may then sit under the pointer at pointerup, so
    // the click lands on the <svg>: the pick is taken from where the press began (capture phase,
    // before Plot's own listener stops the event)
    let pressed: string | null = null;
    const onDown = (e: PointerEvent) => {
      pressed = target(e)?.getAttribute('data-pick') ?? null;
    };
    const onClick = (e: MouseEvent) => {
      const key = target(e)?.getAttribute('data-pick') ?? pressed;
      pressed = null;
      if (key && pick.current) pick.current(key);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      const t = target(e);
      if (t && pick.current) {
        e.preventDefault();
        pick.current(t.getAttribute('data-pick')!);
      }
    };
    el.addEventListener('pointerdown', onDown, true);
    el.addEventListener('click', onClick);
    el.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('pointerdown', onDown, true);
      el.removeEventListener('click', onClick);
      el.removeEventListener('keydown', onKey);
    };
  }, []);

  return (
    <figure class="chart" aria-label={label}>
      <div ref={box} class="plot" />
      <div class="chart-tools">
        <button
          type="button"
          class="small"
          aria-label={`Download ${label} as SVG`}
          onClick={() => box.current && saveSvg(box.current, name)}
        >
          SVG
        </button>
        <button
          type="button"
          class="small"
          aria-label={`Download ${label} as PNG`}
          onClick={() => box.current && void savePng(box.current, name)}
        >
          PNG
        </button>
      </div>
    </figure>
  );
}

/**
 * A render transform marking each element of a mark (dot, rect, rule: one child per index, in
 * index order) as a pick target: `data-pick`, focusable, a button to assistive technology.
 */
export function pickable<T>(data: readonly T[], key: (d: T) => string, label: (d: T) => string): RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next!(index, scales, values, dimensions, context);
    if (!g) return null;
    const children = g.children;
    for (let k = 0; k < index.length && k < children.length; k++) {
      const d = data[index[k]!];
      const el = children[k]!;
      if (d === undefined) continue;
      el.setAttribute('data-pick', key(d));
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
      el.setAttribute('aria-label', label(d));
    }
    return g;
  };
}
