import path from 'path';
import { readYaml } from '../monitoring/ruleModel';

/**
 * docker-compose.yaml read as data, so a test can check what Docker would mount without running Docker:
 * services (with `extends` resolved), their bind mounts as host path → container path, and a container path's
 * host file.
 */

export interface Mount {
  /** Absolute host path (compose resolves relative paths against the file that declares the mount). */
  source: string;
  target: string;
  readOnly: boolean;
}

export interface Service {
  name: string;
  image?: string;
  build?: { context: string; dockerfile: string };
  command: string[];
  ports: string[];
  mounts: Mount[];
  healthcheck?: { test: string[] };
  dependsOn: string[];
}

type Doc = Record<string, any>;

/** `${VAR:-default}` → the default (what compose uses when VAR is unset, as in CI and a fresh checkout). */
export function interpolateDefaults(value: string): string {
  return value.replace(/\$\{[A-Z0-9_]+(?::?-([^}]*))?\}/g, (_, fallback: string | undefined) => fallback ?? '');
}

export function parseMount(spec: string, baseDir: string): Mount {
  const [source, target, mode] = interpolateDefaults(spec).split(':');
  const isPath = source.startsWith('.') || source.startsWith('/');
  return { source: isPath ? path.resolve(baseDir, source) : source, target, readOnly: mode === 'ro' };
}

function serviceFrom(name: string, def: Doc, baseDir: string, inherited?: Service): Service {
  const own = (def.volumes ?? []).map((v: string) => parseMount(v, baseDir));
  return {
    name,
    image: def.image ?? inherited?.image,
    build: def.build
      ? { context: path.resolve(baseDir, def.build.context ?? '.'), dockerfile: def.build.dockerfile ?? 'Dockerfile' }
      : inherited?.build,
    command: def.command ?? inherited?.command ?? [],
    ports: [...(inherited?.ports ?? []), ...(def.ports ?? [])].map(String),
    mounts: [...(inherited?.mounts ?? []), ...own],
    healthcheck: def.healthcheck ?? inherited?.healthcheck,
    dependsOn: Object.keys(def.depends_on ?? {}),
  };
}

export function loadCompose(file: string): { doc: Doc; services: Service[] } {
  const doc = readYaml(file);
  const dir = path.dirname(file);
  const services = Object.entries<Doc>(doc.services).map(([name, def]) => {
    if (!def.extends) {
      return serviceFrom(name, def, dir);
    }
    const baseFile = path.resolve(dir, def.extends.file);
    const base = readYaml(baseFile).services[def.extends.service];
    return serviceFrom(name, def, dir, serviceFrom(name, base, path.dirname(baseFile)));
  });
  return { doc, services };
}

/** The host path behind a container path, through the service's bind mounts (the deepest mount wins). */
export function hostPath(service: Service, containerPath: string): string | undefined {
  const mount = service.mounts
    .filter((m) => containerPath === m.target || containerPath.startsWith(`${m.target}/`))
    .sort((a, b) => b.target.length - a.target.length)[0];
  return mount ? path.join(mount.source, path.posix.relative(mount.target, containerPath)) : undefined;
}

/** The value of a `--flag=value` in a service's command. */
export function flag(service: Service, name: string): string | undefined {
  const prefix = `--${name}=`;
  return service.command.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}
