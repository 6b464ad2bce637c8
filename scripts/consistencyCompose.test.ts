import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { runTool } from '../monitoring/promTools';
import { readYaml } from '../monitoring/ruleModel';
import { flag, hostPath, interpolateDefaults, loadCompose, parseMount, Service } from './consistencyCompose';
import { findPluginJsons, PluginJson } from './pluginMetadata';

/** What docker-compose.yaml would start, checked without Docker: mounts, provisioning, and the configs it mounts. */

const ROOT = path.resolve(__dirname, '..');
const COMPOSE = path.join(ROOT, 'docker-compose.yaml');
const { services } = loadCompose(COMPOSE);
const service = (name: string) => services.find((s) => s.name === name) as Service;

const SRC = path.join(ROOT, 'src');
const pluginIds = (type: string): string[] =>
  findPluginJsons(SRC)
    .map((rel) => JSON.parse(fs.readFileSync(path.join(SRC, rel), 'utf8')) as PluginJson)
    .filter((plugin) => plugin.type === type)
    .map((plugin) => plugin.id);

/** Datasource types Grafana ships with that the provisioning uses. */
const CORE_DATASOURCES = ['prometheus', 'alertmanager', 'loki'];

describe('compose file helpers', () => {
  it('use the default of ${VAR:-default}, as compose does when VAR is unset', () => {
    expect(interpolateDefaults('${RUSTYDB_PROFILE:-documented}')).toBe('documented');
    expect(parseMount('${SECRETS:-./a/b}:/run/secrets:ro', '/repo')).toEqual({
      source: '/repo/a/b',
      target: '/run/secrets',
      readOnly: true,
    });
  });

  it('map a container path to the host through the deepest mount', () => {
    const svc = { mounts: [parseMount('./m:/etc/x', '/repo'), parseMount('./r:/etc/x/rules', '/repo')] } as Service;
    expect(hostPath(svc, '/etc/x/rules/a.yml')).toBe('/repo/r/a.yml');
    expect(hostPath(svc, '/etc/x/p.yml')).toBe('/repo/m/p.yml');
    expect(hostPath(svc, '/elsewhere')).toBeUndefined();
  });
});

describe('docker-compose.yaml', () => {
  it('runs Grafana, the simulator, Prometheus, Alertmanager, Loki and Alloy (and, in the embed profile, an embeddable Grafana and a page)', () => {
    expect(services.map((s) => s.name).sort()).toEqual([
      'alertmanager',
      'alloy',
      'embed-page',
      'grafana',
      'grafana-embed',
      'loki',
      'prometheus',
      'simulator',
    ]);
  });

  it.each(services.map((s) => [s.name, s]))('%s: every bind-mounted path and build file exists', (_, svc) => {
    for (const mount of svc.mounts.filter((m) => path.isAbsolute(m.source))) {
      // dist/ is the plugin build: `npm run server` and `npm run test:ci` build it first.
      expect({ mount: mount.target, exists: fs.existsSync(mount.source) }).toEqual({
        mount: mount.target,
        exists: true,
      });
    }
    if (svc.build) {
      expect(fs.existsSync(path.join(svc.build.context, svc.build.dockerfile))).toBe(true);
    }
  });

  it('gives the simulator, Prometheus and Alertmanager health checks, and documents every published port', () => {
    const header = fs.readFileSync(COMPOSE, 'utf8').split('\nservices:')[0];
    for (const name of ['simulator', 'prometheus', 'alertmanager']) {
      expect(service(name).healthcheck?.test.length).toBeGreaterThan(1);
    }
    for (const port of services.flatMap((s) => s.ports.map((p) => p.split(':')[0]))) {
      expect(header).toContain(`localhost:${port}`);
    }
  });

  describe('Prometheus', () => {
    const prometheus = service('prometheus');
    const configInContainer = flag(prometheus, 'config.file')!;
    const config = hostPath(prometheus, configInContainer)!;

    it('mounts monitoring/prometheus.yml as its --config.file', () => {
      expect(config).toBe(path.join(ROOT, 'monitoring', 'prometheus.yml'));
    });

    it('finds the rule files in the container where they are next to the config on the host', () => {
      for (const glob of readYaml(config).rule_files as string[]) {
        const inContainer = path.posix.resolve(path.posix.dirname(configInContainer), glob);
        expect(hostPath(prometheus, inContainer)).toBe(path.resolve(path.dirname(config), glob));
      }
    });

    it('scrapes services of this compose file', () => {
      const names = services.map((s) => s.name).concat('localhost');
      const targets = (readYaml(config).scrape_configs as any[]).flatMap((job) =>
        (job.static_configs ?? []).flatMap((g: any) => g.targets)
      );
      expect(targets.map((t: string) => t.split(':')[0]).filter((host: string) => !names.includes(host))).toEqual([]);
      expect(targets).toEqual(expect.arrayContaining(['simulator:9100', 'simulator:8080', 'alertmanager:9093']));
    });

    it('has a config that passes promtool check config', () => {
      const result = runTool('promtool', ['check', 'config', config]);
      expect(result.stdout).toContain('SUCCESS');
      expect(result.code).toBe(0);
    });
  });

  describe('Alertmanager', () => {
    const alertmanager = service('alertmanager');
    const configInContainer = flag(alertmanager, 'config.file')!;
    const config = hostPath(alertmanager, configInContainer)!;

    it('has a config that passes amtool check-config, with its templates mounted beside it', () => {
      expect(runTool('amtool', ['check-config', config]).code).toBe(0);
      for (const glob of readYaml(config).templates as string[]) {
        const dirInContainer = path.posix.dirname(path.posix.resolve(path.posix.dirname(configInContainer), glob));
        expect(hostPath(alertmanager, dirInContainer)).toBe(path.resolve(path.dirname(config), path.dirname(glob)));
      }
    });

    it('mounts the folder its *_file secrets are read from, which holds no secret in the repository', () => {
      const secrets = alertmanager.mounts.find((m) => m.target === '/run/secrets')!;
      expect(secrets.readOnly).toBe(true);
      const tracked = execFileSync('git', ['ls-files', path.relative(ROOT, secrets.source)], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(
        tracked
          .trim()
          .split('\n')
          .map((f) => path.basename(f))
          .sort()
      ).toEqual(['.gitignore', 'README.md']);
      expect(fs.readFileSync(path.join(secrets.source, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    });
  });

  describe('Grafana provisioning', () => {
    const grafana = service('grafana');
    const provisioning = hostPath(grafana, '/etc/grafana/provisioning')!;
    const files = (sub: string) =>
      fs
        .readdirSync(path.join(provisioning, sub))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => readYaml(path.join(provisioning, sub, f)));

    it("is this repository's provisioning/ folder, and the plugin is the build in dist/", () => {
      expect(provisioning).toBe(path.join(ROOT, 'provisioning'));
      expect(hostPath(grafana, '/var/lib/grafana/plugins/rustydb-monitoring-app')).toBe(path.join(ROOT, 'dist'));
    });

    it("names only datasource types that exist: ours and Grafana's", () => {
      const known = [...pluginIds('datasource'), ...CORE_DATASOURCES];
      const datasources = files('datasources').flatMap((f) => f.datasources);
      expect(datasources.map((d: any) => d.type).filter((t: string) => !known.includes(t))).toEqual([]);
      const uids = datasources.map((d: any) => d.uid);
      expect(new Set(uids).size).toBe(uids.length);
      expect(datasources).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'rustydb-stats-datasource',
            jsonData: expect.objectContaining({ serverUrl: 'http://simulator:8080' }),
          }),
          expect.objectContaining({ type: 'prometheus', uid: 'prometheus', url: 'http://prometheus:9090' }),
          expect.objectContaining({ type: 'alertmanager', url: 'http://alertmanager:9093' }),
        ])
      );
    });

    it('gives the Prometheus datasource the scrape interval of prometheus.yml', () => {
      const prometheusDs = files('datasources')
        .flatMap((f) => f.datasources)
        .find((d: any) => d.type === 'prometheus');
      expect(prometheusDs.jsonData.timeInterval).toBe(
        readYaml(path.join(ROOT, 'monitoring', 'prometheus.yml')).global.scrape_interval
      );
    });

    it('enables the app plugin that exists', () => {
      const apps = files('plugins').flatMap((f) => f.apps);
      expect(apps.map((a: any) => a.type)).toEqual(pluginIds('app'));
    });

    it('points every dashboard provider at a mounted folder with dashboards', () => {
      const providers = files('dashboards').flatMap((f) => f.providers);
      for (const provider of providers) {
        const dir = hostPath(grafana, provider.options.path);
        expect(dir && fs.readdirSync(dir).some((f) => f.endsWith('.json'))).toBe(true);
      }
    });
  });
});
