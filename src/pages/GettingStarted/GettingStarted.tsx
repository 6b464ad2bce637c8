import React, { FormEvent, useState } from 'react';
import { TestDataSourceResponse } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, LinkButton, RadioButtonGroup, Stack, Text } from '@grafana/ui';
import { DashboardLinks } from '../../components/DashboardLinks';
import { findRustyDBInstance, reloadGrafanaDatasources } from '../../components/rustydbInstances';
import { rustydbReader } from '../../components/rustydbReader';
import { appPageUrl, ROUTES } from '../../constants';
import { AUTH_LABEL, AUTH_OPTIONS } from '../../datasource/types';
import { createDatasource, FormErrors, NewDatasourceForm, validateForm } from './newDatasource';

type Step =
  | { kind: 'editing'; error?: string }
  | { kind: 'working'; what: string }
  | { kind: 'tested'; uid: string; name: string; result: TestDataSourceResponse };

/** The inputs that can be invalid, so a failed submit can move focus to the first one. */
const FIELD_IDS = {
  name: 'rustydb-new-name',
  serverUrl: 'rustydb-new-url',
  secret: 'rustydb-new-secret',
} as const;

const INITIAL_FORM: NewDatasourceForm = { name: 'RustyDB', serverUrl: '', authType: 'none', secret: '' };

/** Makes Grafana load the new data source, then runs the datasource's own health check on it. */
async function testCreated(uid: string): Promise<TestDataSourceResponse> {
  await reloadGrafanaDatasources();
  if (!findRustyDBInstance(uid)) {
    return {
      status: 'error',
      message: 'Grafana does not list the new data source yet. Reload the page and test it again.',
    };
  }
  return (await rustydbReader(uid)).testDatasource();
}

export function GettingStarted() {
  const [form, setForm] = useState(INITIAL_FORM);
  const [errors, setErrors] = useState<FormErrors>({});
  const [step, setStep] = useState<Step>({ kind: 'editing' });

  const update = (patch: Partial<NewDatasourceForm>) => setForm((f) => ({ ...f, ...patch }));

  const runTest = async (uid: string, name: string) => {
    setStep({ kind: 'working', what: `Testing ${name}…` });
    const result = await testCreated(uid).catch((err): TestDataSourceResponse => ({
      status: 'error',
      message: err instanceof Error ? err.message : String(err),
    }));
    setStep({ kind: 'tested', uid, name, result });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateForm(form);
    setErrors(found);
    const firstInvalid = (Object.keys(FIELD_IDS) as Array<keyof typeof FIELD_IDS>).find((field) => found[field]);
    if (firstInvalid) {
      document.getElementById(FIELD_IDS[firstInvalid])?.focus();
      return;
    }
    setStep({ kind: 'working', what: 'Creating the data source…' });
    try {
      const uid = await createDatasource(form);
      await runTest(uid, form.name.trim());
    } catch (err) {
      setStep({ kind: 'editing', error: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <PluginPage subTitle="Connect Grafana to a RustyDB server in three steps: describe it, create the data source, test it.">
      {step.kind === 'tested' ? (
        <TestOutcome step={step} onRetest={() => runTest(step.uid, step.name)} />
      ) : (
        <form onSubmit={onSubmit} aria-label="New RustyDB data source" noValidate>
          <FieldSet label="1. Describe the server">
            <Field
              label="Name"
              description="How dashboards and the home page will call this instance."
              invalid={!!errors.name}
              error={errors.name}
            >
              <Input
                id={FIELD_IDS.name}
                value={form.name}
                width={40}
                onChange={(e) => update({ name: e.currentTarget.value })}
              />
            </Field>
            <Field
              label="Server URL"
              description="RustyDB's REST address as the Grafana server (not your browser) reaches it. Port 8080 by default."
              invalid={!!errors.serverUrl}
              error={errors.serverUrl}
            >
              <Input
                id={FIELD_IDS.serverUrl}
                value={form.serverUrl}
                placeholder="http://rustydb:8080"
                width={40}
                onChange={(e) => update({ serverUrl: e.currentTarget.value })}
              />
            </Field>
            <Field label="Authentication" description="RustyDB v0.6.5 needs none unless its auth is switched on.">
              <RadioButtonGroup
                options={AUTH_OPTIONS}
                value={form.authType}
                onChange={(authType) => update({ authType, secret: '' })}
              />
            </Field>
            {form.authType !== 'none' && (
              <Field
                label={AUTH_LABEL[form.authType]}
                description="Kept encrypted by Grafana and sent to RustyDB by Grafana's server; your browser never sees it again."
                invalid={!!errors.secret}
                error={errors.secret}
              >
                <Input
                  id={FIELD_IDS.secret}
                  type="password"
                  autoComplete="off"
                  value={form.secret}
                  width={40}
                  onChange={(e) => update({ secret: e.currentTarget.value })}
                />
              </Field>
            )}
          </FieldSet>
          {step.kind === 'editing' && step.error && (
            <Alert severity="error" title="The data source was not created">
              {step.error}
            </Alert>
          )}
          <Stack direction="row" gap={2} alignItems="center">
            <Button
              type="submit"
              icon={step.kind === 'working' ? 'spinner' : 'plus'}
              disabled={step.kind === 'working'}
            >
              2. Create and test
            </Button>
            {step.kind === 'working' && (
              <Text color="secondary" role="status">
                {step.what}
              </Text>
            )}
          </Stack>
        </form>
      )}
    </PluginPage>
  );
}

function TestOutcome({ step, onRetest }: { step: Extract<Step, { kind: 'tested' }>; onRetest: () => void }) {
  const passed = step.result.status === 'success';
  return (
    <Stack direction="column" gap={2}>
      <Alert
        severity={passed ? 'success' : 'error'}
        title={passed ? `3. ${step.name} is connected` : `3. ${step.name} was created, but its test failed`}
      >
        {step.result.message}
      </Alert>
      {passed ? (
        <Stack direction="column" gap={1}>
          <Text element="h2" variant="h4">
            Open a dashboard for {step.name}
          </Text>
          <DashboardLinks instanceName={step.name} selection={{ rustydbUid: step.uid }} />
          <div>
            <LinkButton href={appPageUrl(ROUTES.Home)} variant="secondary" icon="arrow-right">
              See every instance
            </LinkButton>
          </div>
        </Stack>
      ) : (
        <Stack direction="row" gap={1}>
          <Button onClick={onRetest} icon="sync">
            Test again
          </Button>
          <LinkButton
            href={`/connections/datasources/edit/${encodeURIComponent(step.uid)}`}
            variant="secondary"
            icon="cog"
          >
            Fix its settings
          </LinkButton>
        </Stack>
      )}
    </Stack>
  );
}
