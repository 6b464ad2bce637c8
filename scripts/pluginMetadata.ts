import fs from 'fs';
import path from 'path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

export interface PluginJson {
  id: string;
  type: string;
  info?: { logos?: { small?: string; large?: string }; screenshots?: Array<{ path: string }> };
  includes?: Array<{ type: string; path?: string; uid?: string; name?: string }>;
}

/** Every plugin.json below `root`, as paths relative to it. */
export function findPluginJsons(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name === 'plugin.json') {
        found.push(path.relative(root, full));
      }
    }
  };
  walk(root);
  return found.sort();
}

/** Schema errors of one plugin.json, as readable lines (empty when valid). */
export function schemaErrors(schema: object, pluginJson: unknown): string[] {
  // Grafana's schema escapes `-` in character classes, which the unicode regexp flag rejects.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return validate(pluginJson) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/**
 * The plugin validator's `includesnested` rule: every nested plugin.json must be listed in the root app's includes,
 * with its archive-relative path and its own type.
 */
export function nestedIncludeErrors(root: PluginJson, nested: Record<string, PluginJson>): string[] {
  const errors: string[] = [];
  if (Object.keys(nested).length > 0 && root.type !== 'app') {
    errors.push(`only app plugins may nest plugins, but the root is a ${root.type}`);
  }
  for (const [relPath, plugin] of Object.entries(nested)) {
    const include = root.includes?.find((i) => i.path === relPath);
    if (!include) {
      errors.push(`${relPath} (${plugin.id}) is not declared in the app's includes`);
    } else if (include.type !== plugin.type) {
      errors.push(`${relPath} is included as a ${include.type} but is a ${plugin.type}`);
    }
  }
  return errors;
}
