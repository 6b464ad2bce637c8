import React, { ChangeEvent, useMemo, useState } from 'react';
import { config, getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Combobox, Field, FieldSet, Input, Stack, Text } from '@grafana/ui';
import { PrometheusIdentity, Proposal } from '../identity/match';
import { detectIdentity } from '../identity/prometheus';
import { DEFAULT_TIMEOUT_SECONDS, RustyDBOptions } from '../types';

interface Props {
  jsonData: RustyDBOptions;
  onChange: (patch: Partial<RustyDBOptions>) => void;
}

type Detection =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; proposal: Proposal } | { kind: 'failed'; message: string };

const PROMETHEUS_TYPE = 'prometheus';

const describeTarget = (t: PrometheusIdentity & { address: string }) =>
  `job "${t.job}", instance "${t.instance}" (scrapes ${t.address})`;

/**
 * The server's Prometheus identity: the Prometheus that scrapes it and the job and instance labels of its series,
 * proposed by asking that Prometheus for its targets on the server's host and port, and editable by hand.
 */
export function IdentityFields({ jsonData, onChange }: Props) {
  const [detection, setDetection] = useState<Detection>({ kind: 'idle' });
  // config.datasources is the list Grafana booted with; the deprecated getDataSourceSrv().getList() reads the same.
  const prometheusOptions = useMemo(
    () =>
      Object.values(config.datasources)
        .filter((ds) => ds.type === PROMETHEUS_TYPE)
        .map((ds) => ({ label: ds.name, value: ds.uid })),
    []
  );
  const { prometheusUid, serverUrl } = jsonData;

  const detect = async () => {
    if (!prometheusUid || !serverUrl) {
      return;
    }
    setDetection({ kind: 'running' });
    try {
      const proposal = await detectIdentity(
        (options) => getBackendSrv().fetch(options),
        prometheusUid,
        serverUrl,
        (jsonData.timeoutSeconds || DEFAULT_TIMEOUT_SECONDS) * 1000
      );
      setDetection({ kind: 'done', proposal });
      if (proposal.identity) {
        onChange(proposal.identity);
      }
    } catch (err) {
      setDetection({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };

  const proposal = detection.kind === 'done' ? detection.proposal : undefined;
  const others = proposal?.candidates.filter((c) => c.job !== jsonData.job || c.instance !== jsonData.instance) ?? [];

  return (
    <FieldSet label="Prometheus identity">
      <Text color="secondary" element="p">
        The bundled dashboards show this server&apos;s Prometheus series beside its REST panels. Name the Prometheus
        that scrapes it and the labels it scrapes it under.
      </Text>
      <Field label="Prometheus data source" description="The Prometheus that scrapes this RustyDB.">
        <Combobox
          id="rustydb-prometheus"
          options={prometheusOptions}
          value={prometheusUid ?? null}
          placeholder={prometheusOptions.length ? 'Choose a Prometheus' : 'No Prometheus data source in this Grafana'}
          isClearable
          width={40}
          onChange={(option) => onChange({ prometheusUid: option?.value })}
        />
      </Field>
      <Stack direction="row" gap={2} alignItems="flex-end" wrap="wrap">
        <Field label="Job" description="The job label of its series.">
          <Input
            id="rustydb-job"
            width={24}
            value={jsonData.job ?? ''}
            placeholder="rustydb"
            onChange={(e: ChangeEvent<HTMLInputElement>) =>
              onChange({ job: e.currentTarget.value.trim() || undefined })
            }
          />
        </Field>
        <Field label="Instance" description="The instance label of its series.">
          <Input
            id="rustydb-instance"
            width={32}
            value={jsonData.instance ?? ''}
            placeholder="rustydb:9100"
            onChange={(e: ChangeEvent<HTMLInputElement>) =>
              onChange({ instance: e.currentTarget.value.trim() || undefined })
            }
          />
        </Field>
        <Field label="">
          <Button
            variant="secondary"
            icon={detection.kind === 'running' ? 'spinner' : 'search'}
            disabled={!prometheusUid || !serverUrl || detection.kind === 'running'}
            onClick={detect}
          >
            Detect from Prometheus
          </Button>
        </Field>
      </Stack>
      {detection.kind === 'failed' && (
        <Alert severity="error" title="Detection failed">
          {detection.message}
        </Alert>
      )}
      {proposal && (
        <div role="status">
          {proposal.identity && (
            <Text element="p" color="success">
              Detected job &quot;{proposal.identity.job}&quot;, instance &quot;{proposal.identity.instance}&quot;.
            </Text>
          )}
          {proposal.note && (
            <Text element="p" color="warning">
              {proposal.note}
            </Text>
          )}
        </div>
      )}
      {others.length > 0 && (
        <Stack direction="row" gap={1} wrap="wrap" aria-label="Other targets on this host">
          {others.map((c) => (
            <Button
              key={`${c.job}\u0000${c.instance}`}
              size="sm"
              variant="secondary"
              fill="outline"
              onClick={() => onChange({ job: c.job, instance: c.instance })}
            >
              Use {describeTarget(c)}
            </Button>
          ))}
        </Stack>
      )}
    </FieldSet>
  );
}
