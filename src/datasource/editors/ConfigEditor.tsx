import React, { ChangeEvent } from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, FieldSet, Input, RadioButtonGroup, SecretInput } from '@grafana/ui';
import {
  AUTH_OPTIONS,
  DEFAULT_LIVE_INTERVAL_MS,
  DEFAULT_TIMEOUT_SECONDS,
  MIN_LIVE_INTERVAL_MS,
  RustyDBOptions,
  RustyDBSecureJsonData,
} from '../types';
import { IdentityFields } from './IdentityFields';
import { numberInput } from './validation';

type Props = DataSourcePluginOptionsEditorProps<RustyDBOptions, RustyDBSecureJsonData>;

export function ConfigEditor({ options, onOptionsChange }: Props) {
  const { jsonData, secureJsonFields } = options;
  const secureJsonData = options.secureJsonData ?? {};
  const authType = jsonData.authType ?? 'none';

  const setJsonData = (patch: Partial<RustyDBOptions>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } });
  const setSecret = (key: keyof RustyDBSecureJsonData, value: string) =>
    onOptionsChange({ ...options, secureJsonData: { ...secureJsonData, [key]: value } });
  /** Empty clears the setting (the default applies); anything else is kept as typed, even while invalid. */
  const setNumber = (key: 'timeoutSeconds' | 'liveIntervalMs', text: string) =>
    setJsonData({ [key]: numberInput(text) });
  const resetSecret = (key: keyof RustyDBSecureJsonData) =>
    onOptionsChange({
      ...options,
      secureJsonFields: { ...secureJsonFields, [key]: false },
      secureJsonData: { ...secureJsonData, [key]: '' },
    });

  const timeoutInvalid = jsonData.timeoutSeconds !== undefined && !(jsonData.timeoutSeconds > 0);
  const liveInvalid = jsonData.liveIntervalMs !== undefined && !(jsonData.liveIntervalMs >= MIN_LIVE_INTERVAL_MS);

  return (
    <>
      <FieldSet label="Connection">
        <Field
          label="Server URL"
          description="RustyDB's REST address as Grafana's server reaches it (port 8080 by default)."
        >
          <Input
            id="rustydb-server-url"
            value={jsonData.serverUrl ?? ''}
            placeholder="http://rustydb:8080"
            width={40}
            onChange={(e: ChangeEvent<HTMLInputElement>) => setJsonData({ serverUrl: e.currentTarget.value.trim() })}
          />
        </Field>
        <Field
          label="Authentication"
          description="RustyDB v0.6.5 needs none by default. A token or key stays on Grafana's server: its proxy adds it to each request."
        >
          <RadioButtonGroup
            options={AUTH_OPTIONS}
            value={authType}
            onChange={(value) => setJsonData({ authType: value })}
          />
        </Field>
        {authType === 'bearer' && (
          <Field label="Bearer token">
            <SecretInput
              id="rustydb-bearer-token"
              width={40}
              isConfigured={Boolean(secureJsonFields?.bearerToken)}
              value={secureJsonData.bearerToken ?? ''}
              onChange={(e: ChangeEvent<HTMLInputElement>) => setSecret('bearerToken', e.currentTarget.value)}
              onReset={() => resetSecret('bearerToken')}
            />
          </Field>
        )}
        {authType === 'apiKey' && (
          <Field label="API key">
            <SecretInput
              id="rustydb-api-key"
              width={40}
              isConfigured={Boolean(secureJsonFields?.apiKey)}
              value={secureJsonData.apiKey ?? ''}
              onChange={(e: ChangeEvent<HTMLInputElement>) => setSecret('apiKey', e.currentTarget.value)}
              onReset={() => resetSecret('apiKey')}
            />
          </Field>
        )}
        <Field
          label="Timeout (seconds)"
          description="How long a panel waits for RustyDB before saying it timed out."
          invalid={timeoutInvalid}
          error="Enter a number of seconds above 0."
        >
          <Input
            id="rustydb-timeout"
            type="number"
            width={12}
            value={jsonData.timeoutSeconds ?? ''}
            placeholder={String(DEFAULT_TIMEOUT_SECONDS)}
            onChange={(e: ChangeEvent<HTMLInputElement>) => setNumber('timeoutSeconds', e.currentTarget.value)}
          />
        </Field>
      </FieldSet>
      <IdentityFields jsonData={jsonData} onChange={setJsonData} />
      <FieldSet label="Live mode">
        <Field
          label="Default polling interval (ms)"
          description="Live queries poll this often unless they set their own. RustyDB allows 100 requests/s for all clients together."
          invalid={liveInvalid}
          error={`Poll at most once every ${MIN_LIVE_INTERVAL_MS} ms.`}
        >
          <Input
            id="rustydb-live-interval"
            type="number"
            width={12}
            value={jsonData.liveIntervalMs ?? ''}
            placeholder={String(DEFAULT_LIVE_INTERVAL_MS)}
            onChange={(e: ChangeEvent<HTMLInputElement>) => setNumber('liveIntervalMs', e.currentTarget.value)}
          />
        </Field>
      </FieldSet>
    </>
  );
}
