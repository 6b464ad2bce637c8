import React, { FormEvent, useMemo, useState } from 'react';
import { AppPluginMeta, PluginConfigPageProps, SelectableValue } from '@grafana/data';
import { Alert, Button, Combobox, Field, FieldSet, RadioButtonGroup, Stack, Text } from '@grafana/ui';
import { PROMETHEUS_TYPE } from '../../constants';
import { AppSettings, readAppSettings, REFRESH_CHOICES_SECONDS, saveAppSettings } from '../appSettings';
import { datasourcesOfType } from '../rustydbInstances';

type Props = PluginConfigPageProps<AppPluginMeta<AppSettings>>;

const REFRESH_OPTIONS: Array<SelectableValue<number>> = REFRESH_CHOICES_SECONDS.map((s) => ({
  label: s < 60 ? `${s} s` : `${s / 60} min`,
  value: s,
}));

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

function saveError(err: unknown): string {
  const status = err && typeof err === 'object' && 'status' in err ? ` (${String(err.status)})` : '';
  return `Grafana did not save the settings${status}. Only organization administrators can change them.`;
}

export function AppConfig({ plugin }: Props) {
  const { enabled, pinned, jsonData } = plugin.meta;
  const [settings, setSettings] = useState(() => readAppSettings(jsonData));
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const prometheusOptions = useMemo(
    () => datasourcesOfType(PROMETHEUS_TYPE).map((ds) => ({ label: ds.name, value: ds.uid })),
    []
  );
  const knownPrometheus =
    !settings.prometheusDatasourceUid || prometheusOptions.some((o) => o.value === settings.prometheusDatasourceUid);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSave({ kind: 'saving' });
    try {
      await saveAppSettings({ enabled, pinned }, settings);
      setSave({ kind: 'saved' });
    } catch (err) {
      setSave({ kind: 'failed', message: saveError(err) });
    }
  };

  return (
    <form onSubmit={onSubmit} aria-label="RustyDB Monitoring settings">
      <FieldSet label="Dashboards">
        <Field
          label="Prometheus data source"
          description="The home page opens the bundled dashboards with this Prometheus selected. Leave empty to keep each dashboard's default."
          invalid={!knownPrometheus}
          error={
            knownPrometheus
              ? undefined
              : `No Prometheus data source has uid "${settings.prometheusDatasourceUid}" any more.`
          }
        >
          <Combobox
            id="rustydb-app-prometheus"
            options={prometheusOptions}
            value={settings.prometheusDatasourceUid ?? null}
            placeholder={prometheusOptions.length ? 'Dashboard default' : 'No Prometheus data source in this Grafana'}
            isClearable
            width={40}
            onChange={(option) => setSettings((s) => ({ ...s, prometheusDatasourceUid: option?.value }))}
          />
        </Field>
      </FieldSet>
      <FieldSet label="Home page">
        <Field label="Refresh every" description="How often the home page reads every RustyDB instance again.">
          <RadioButtonGroup
            options={REFRESH_OPTIONS}
            value={settings.refreshSeconds}
            onChange={(refreshSeconds) => setSettings((s) => ({ ...s, refreshSeconds }))}
          />
        </Field>
      </FieldSet>
      {save.kind === 'failed' && (
        <Alert severity="error" title="Settings not saved">
          {save.message}
        </Alert>
      )}
      <Stack direction="row" gap={2} alignItems="center">
        <Button type="submit" disabled={save.kind === 'saving'}>
          Save settings
        </Button>
        {save.kind === 'saved' && (
          <Text color="success" role="status">
            Saved. The home page uses the new settings the next time it opens.
          </Text>
        )}
      </Stack>
    </form>
  );
}
