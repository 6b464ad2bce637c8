/**
 * Loads a built plugin module as Grafana does: dist/*.js are AMD modules (`define([...externals], factory)`) whose
 * externals Grafana supplies from its own copies. Here the page's own bundle supplies them, so the plugin runs on the
 * same React, @grafana/* and rxjs instances as the page, as it does inside Grafana.
 */
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as ReactRouter from 'react-router';
import * as emotionCss from '@emotion/css';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import * as rxjs from 'rxjs';

const EXTERNALS: Record<string, unknown> = {
  react: React,
  'react-dom': ReactDOM,
  'react-router': ReactRouter,
  '@emotion/css': emotionCss,
  '@grafana/data': grafanaData,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/ui': grafanaUi,
  rxjs,
};

type Define = ((deps: string[], factory: (...args: unknown[]) => unknown) => void) & { amd?: object };

function external(name: string, file: string): unknown {
  if (!(name in EXTERNALS)) {
    throw new Error(`${file} needs the external "${name}", which Grafana's plugin loader would have to supply`);
  }
  return EXTERNALS[name];
}

let queue: Promise<unknown> = Promise.resolve();

/** One module at a time, since each script calls the one global `define`. `module.uri` sets webpack's public path. */
export function loadBuiltModule<T>(file: string): Promise<T> {
  const load = () =>
    new Promise<T>((resolve, reject) => {
      const define: Define = (deps, factory) => {
        try {
          resolve(factory(...deps.map((dep) => (dep === 'module' ? { uri: file } : external(dep, file)))) as T);
        } catch (err) {
          reject(err);
        }
      };
      define.amd = {};
      (window as unknown as { define: Define }).define = define;
      const script = document.createElement('script');
      script.src = file;
      script.onerror = () => reject(new Error(`could not load ${file}`));
      document.head.appendChild(script);
    });
  const loaded = queue.then(load);
  queue = loaded.catch(() => undefined);
  return loaded;
}
