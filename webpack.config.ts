import path from 'path';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

// create-plugin copies only the root plugin's images; the nested datasource and panel need theirs in dist/ too,
// and the bundled dashboards live at the top level (dashboards/) but are served from dist/dashboards/.
const config = async (env: Env): Promise<Configuration> =>
  merge(await grafanaConfig(env), {
    // monitoring/RUNBOOKS.md is bundled as text: the Runbooks page serves it (src/pages/Runbooks).
    module: { rules: [{ test: /RUNBOOKS\.md$/, type: 'asset/source' }] },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: '*/img/**/*', to: '.', noErrorOnMissing: true },
          // Only the generated JSON: dashboards/src/ is their TypeScript source, not part of the plugin.
          {
            from: '*.json',
            context: path.resolve(process.cwd(), 'dashboards'),
            to: 'dashboards',
            noErrorOnMissing: true,
          },
        ],
      }),
    ],
  });

export default config;
