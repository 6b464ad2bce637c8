// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');

// d3-color 3.1.1 ships .mjs, which the scaffold's transform does not match.
// Markdown the app imports as text (monitoring/RUNBOOKS.md, webpack's asset/source) is the file's contents.
const transform = {
  ...base.transform,
  '^.+\\.mjs$': base.transform['^.+\\.(t|j)sx?$'],
  '^.+\\.md$': '<rootDir>/scripts/rawTextTransform.js',
};
// Other Grafana lines' packages for the browser tests' bundles (tests/browser/harness/grafanaLine.ts): never Jest's.
const modulePathIgnorePatterns = ['<rootDir>/tests/browser/grafana-lines/'];

// Bounds for a hung test, not speed expectations: on a loaded 2-core machine a test that starts servers, Prometheus or
// Chromium can take far longer than Jest's 5 s default without anything being wrong.
const testTimeout = 120_000;

module.exports = {
  testTimeout,
  reporters: ['default', '<rootDir>/scripts/summaryReporter.js'],
  projects: [
    {
      // Plugin code: React components and Grafana runtime in jsdom, as the scaffold sets it up.
      ...base,
      displayName: 'plugin',
      transform,
      modulePathIgnorePatterns,
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
    },
    {
      // Everything around the plugin: simulator, CLI, rules, dashboards, metadata, browser and integration tests.
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      modulePathIgnorePatterns,
      transformIgnorePatterns: base.transformIgnorePatterns,
      moduleNameMapper: base.moduleNameMapper,
      modulePaths: base.modulePaths,
      testMatch: [
        '<rootDir>/{simulator,cli,dashboards,monitoring,scripts,bench}/**/*.test.ts',
        '<rootDir>/tests/{browser,integration}/**/*.test.ts',
      ],
    },
  ],
};
