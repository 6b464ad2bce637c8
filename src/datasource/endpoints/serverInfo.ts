import type { ServerInfoResponse } from '../../rustydb/api/types';
import { ENDPOINTS } from '../../rustydb/api/endpoints';
import { Parser, singleView } from './area';
import { snapshotFrame } from './parse/frames';
import { isRow, Row } from '../../rustydb/json';
import { asObject, bodyKeyFields, fieldTable, Issues } from './parse/read';

const SERVER_INFO = ENDPOINTS.serverInfo.path;

const SERVER_FIELDS = fieldTable<ServerInfoResponse>((f) => [
  f.str('server_name', 'Server'),
  f.str('version', 'Version'),
  f.num('uptime_seconds', 'Uptime', 's'),
  f.time('started_at', 'Started'),
  f.num('pid', 'Process id', 'none'),
  f.str('build_date', 'Build date'),
  f.str('build_target', 'Build target'),
  f.str('rust_version', 'Rust version'),
  f.str('git_commit', 'Git commit'),
  f.str('license', 'License'),
  f.list('features', 'Features'),
]);

/** `/server/info`: one row; each `system_info` entry (arch, cores, host, os) becomes a field of its own. */
const parseServerInfo: Parser = (body, ctx) => {
  const record = asObject(body, SERVER_INFO);
  const system = isRow(record.system_info) ? record.system_info : {};
  const systemRow: Row = {};
  const systemFields = Object.keys(system)
    .sort()
    .map((key) => {
      systemRow[`system_${key}`] = system[key];
      return typeof system[key] === 'number'
        ? bodyKeyFields.num(`system_${key}`, key, 'none')
        : bodyKeyFields.json(`system_${key}`, key);
    });
  return [
    snapshotFrame(ctx, { ...record, ...systemRow }, [...SERVER_FIELDS, ...systemFields], new Issues(SERVER_INFO), {
      name: 'server info',
      path: SERVER_INFO,
    }),
  ];
};

export const runServerInfo = singleView({ endpoint: 'serverInfo', parse: parseServerInfo });
