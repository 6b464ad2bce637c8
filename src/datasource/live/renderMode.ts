/**
 * Whether the page is being captured rather than watched: Grafana's image renderer (PNG, PDF, reports) and anything
 * else that waits for every query to finish. A live query never finishes, so in render mode it runs once instead.
 *
 * Grafana signals render mode three ways, checked here (Grafana's public/app/features/dashboard/services/
 * isRenderTarget.ts uses the last two; pkg/services/rendering adds the first to every URL it renders):
 * - `render=1` in the page's query string;
 * - `window.__grafanaImageRendererMessageChannel`, a function the image renderer installs in the page;
 * - the user signed in by a render key: `config.bootData.user.authenticatedBy === 'render'`.
 * `config.rendererAvailable` only says an image renderer is installed, not that this page is being rendered.
 */
export interface RenderSignals {
  search: string;
  rendererChannel: unknown;
  authenticatedBy?: string;
}

export function isRenderMode({ search, rendererChannel, authenticatedBy }: RenderSignals): boolean {
  return (
    new URLSearchParams(search).get('render') === '1' ||
    typeof rendererChannel === 'function' ||
    authenticatedBy === 'render'
  );
}
