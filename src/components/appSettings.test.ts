import { DEFAULT_REFRESH_SECONDS, readAppSettings } from './appSettings';

describe('readAppSettings', () => {
  it.each([
    ['nothing saved', undefined, { refreshSeconds: DEFAULT_REFRESH_SECONDS, prometheusDatasourceUid: undefined }],
    [
      'saved settings',
      { refreshSeconds: 60, prometheusDatasourceUid: 'prom' },
      { refreshSeconds: 60, prometheusDatasourceUid: 'prom' },
    ],
    [
      'a refresh faster than allowed',
      { refreshSeconds: 1 },
      { refreshSeconds: DEFAULT_REFRESH_SECONDS, prometheusDatasourceUid: undefined },
    ],
    [
      'a refresh as text',
      { refreshSeconds: '60' },
      { refreshSeconds: DEFAULT_REFRESH_SECONDS, prometheusDatasourceUid: undefined },
    ],
    [
      'an empty Prometheus uid',
      { prometheusDatasourceUid: '' },
      { refreshSeconds: DEFAULT_REFRESH_SECONDS, prometheusDatasourceUid: undefined },
    ],
    [
      'jsonData that is not an object',
      'oops',
      { refreshSeconds: DEFAULT_REFRESH_SECONDS, prometheusDatasourceUid: undefined },
    ],
  ])('reads %s', (_, jsonData, expected) => {
    expect(readAppSettings(jsonData)).toEqual(expected);
  });
});
