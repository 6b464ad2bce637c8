import React, { ChangeEvent } from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, FieldSet, Input, RadioButtonGroup, SecretInput } from '@grafana/ui';
import { AuthType, RustyDBOptions, RustyDBSecureJsonData } from '../types';

type Props = DataSourcePluginOptionsEditorProps<RustyDBOptions, RustyDBSecureJsonData>;

const AUTH_OPTIONS: Array<{ label: string; value: AuthType }> = [
  { label: 'None', value: 'none' },
  { label: 'Bearer token', value: 'bearer' },
  { label: 'API key', value: 'apiKey' },
];

export function ConfigEditor({ options, onOptionsChange }: Props) {
  const { jsonData, secureJsonFields } = options;
  const secureJsonData = options.secureJsonData ?? {};
  const authType = jsonData.authType ?? 'none';

  const setJsonData = (patch: Partial<RustyDBOptions>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } });
  const setSecret = (key: keyof RustyDBSecureJsonData, value: string) =>
    onOptionsChange({ ...options, secureJsonData: { ...secureJsonData, [key]: value } });
  const resetSecret = (key: keyof RustyDBSecureJsonData) =>
    onOptionsChange({
      ...options,
      secureJsonFields: { ...secureJsonFields, [key]: false },
      secureJsonData: { ...secureJsonData, [key]: '' },
    });

  return (
    <FieldSet label="Connection">
      <Field label="Server URL" description="RustyDB's REST address as Grafana's server reaches it (port 8080 by default).">
        <Input
          id="rustydb-server-url"
          value={jsonData.serverUrl ?? ''}
          placeholder="http://rustydb:8080"
          width={40}
          onChange={(e: ChangeEvent<HTMLInputElement>) => setJsonData({ serverUrl: e.currentTarget.value.trim() })}
        />
      </Field>
      <Field label="Authentication" description="RustyDB v0.6.5 needs none by default.">
        <RadioButtonGroup options={AUTH_OPTIONS} value={authType} onChange={(value) => setJsonData({ authType: value })} />
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
    </FieldSet>
  );
}
