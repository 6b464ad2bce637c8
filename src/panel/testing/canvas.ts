/**
 * jsdom has no canvas; uPlot (inside @grafana/ui's Sparkline) draws on one. This 2D context accepts every call and
 * draws nothing, so components with sparklines render in unit tests. The browser test draws for real.
 */
export function stubCanvas(): void {
  const context = new Proxy(
    {},
    {
      get: (_, key) => (key === 'measureText' ? () => ({ width: 0 }) : () => undefined),
      set: () => true,
    }
  );
  HTMLCanvasElement.prototype.getContext = (() => context) as unknown as HTMLCanvasElement['getContext'];
  // uPlot builds its paths as Path2D objects; they only need to accept calls.
  globalThis.Path2D ??= class {
    constructor() {
      return new Proxy(this, { get: () => () => undefined });
    }
  } as unknown as typeof Path2D;
}

/** @grafana/ui's Combobox measures its option labels on a canvas and watches its menu's scroll edges; jsdom has neither. */
export function stubComboboxEnvironment(): void {
  stubCanvas();
  globalThis.IntersectionObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof IntersectionObserver;
}
