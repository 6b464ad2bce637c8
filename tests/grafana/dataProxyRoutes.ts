/**
 * How Grafana's data-source proxy picks a plugin route (pkg/api/pluginproxy/ds_proxy.go, pluginproxy/utils.go):
 * - `validateRequest` takes the first route whose `method` is empty, `*` or the request's, and whose path, cleaned
 *   as `util.CleanRelativePath` does, is a string prefix of the cleaned proxy path;
 * - `ApplyRoute` trims the route's path off the proxy path and joins the rest below the route's URL path with
 *   `util.JoinURLFragments`, adding the route's headers;
 * - with no route matched the request goes to the data source's own URL without any route header; this plugin
 *   leaves that URL empty, which `datasource.ValidateURL` turns into "http://" (no host), so it reaches no server.
 */
export interface PluginRoute {
  path: string;
  method?: string;
  url: string;
  headers?: Array<{ name: string; content: string }>;
}

/** Go's path.Clean on a relative path, without a leading slash. */
export function cleanRelativePath(p: string): string {
  const out: string[] = [];
  for (const segment of p.split('/')) {
    if (segment === '..') {
      out.pop();
    } else if (segment !== '' && segment !== '.') {
      out.push(segment);
    }
  }
  return out.join('/');
}

/** One slash between the route's URL path and the rest of the proxy path. */
export function joinURLFragments(a: string, b: string): string {
  return b === '' ? a : `${a.replace(/\/$/, '')}/${b.replace(/^\//, '')}`;
}

export interface RouteMatch {
  route: PluginRoute;
  /** The proxy path after the route's path, as ApplyRoute appends it. */
  rest: string;
}

export function matchRoute(routes: PluginRoute[], method: string, proxyPath: string): RouteMatch | null {
  const cleaned = cleanRelativePath(proxyPath);
  const route = routes.find(
    (r) => (!r.method || r.method === '*' || r.method === method) && cleaned.startsWith(cleanRelativePath(r.path))
  );
  if (!route) {
    return null;
  }
  return { route, rest: proxyPath.startsWith(route.path) ? proxyPath.slice(route.path.length) : proxyPath };
}
