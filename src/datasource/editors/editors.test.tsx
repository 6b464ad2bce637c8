import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataSourceSettings } from '@grafana/data';
import type { DataSource } from '../datasource';
import { NEW_QUERY, QUERY_VERSION } from '../migration';
import { QueryType, RustyDBOptions, RustyDBQuery, RustyDBSecureJsonData } from '../types';
import { ConfigEditor } from './ConfigEditor';
import { QueryEditor } from './QueryEditor';
import { VariableQueryEditor } from './VariableQueryEditor';
import { queryProblems } from './validation';

type Settings = DataSourceSettings<RustyDBOptions, RustyDBSecureJsonData>;

const settings = (patch: Partial<Settings> = {}): Settings =>
  ({ jsonData: { serverUrl: 'http://rustydb:8080', authType: 'bearer' }, secureJsonFields: {}, ...patch }) as Settings;

describe('ConfigEditor', () => {
  it('edits the server URL, trimmed', async () => {
    const onOptionsChange = jest.fn();
    render(<ConfigEditor options={settings({ jsonData: {} })} onOptionsChange={onOptionsChange} />);
    await userEvent.type(screen.getByPlaceholderText('http://rustydb:8080'), ' h');
    expect(onOptionsChange).toHaveBeenLastCalledWith(expect.objectContaining({ jsonData: { serverUrl: 'h' } }));
  });

  it('shows a saved token as configured, never its value, and resets it', async () => {
    const onOptionsChange = jest.fn();
    render(
      <ConfigEditor options={settings({ secureJsonFields: { bearerToken: true } })} onOptionsChange={onOptionsChange} />
    );
    expect(screen.getByDisplayValue('configured')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /reset/i }));
    expect(onOptionsChange).toHaveBeenCalledWith(
      expect.objectContaining({ secureJsonFields: { bearerToken: false }, secureJsonData: { bearerToken: '' } })
    );
  });

  it('puts a new API key in secureJsonData only', async () => {
    const onOptionsChange = jest.fn();
    render(
      <ConfigEditor
        options={settings({ jsonData: { serverUrl: 'x', authType: 'apiKey' } })}
        onOptionsChange={onOptionsChange}
      />
    );
    await userEvent.type(screen.getByLabelText('API key', { selector: 'input[type=password]' }), 'k');
    const saved = onOptionsChange.mock.calls.at(-1)[0];
    expect(saved.secureJsonData).toEqual({ apiKey: 'k' });
    expect(JSON.stringify(saved.jsonData)).not.toContain('k"');
  });

  it('sets the timeout and the live default interval, and flags invalid values', async () => {
    const onOptionsChange = jest.fn();
    const { rerender } = render(<ConfigEditor options={settings()} onOptionsChange={onOptionsChange} />);
    await userEvent.type(screen.getByPlaceholderText('10'), '5');
    expect(onOptionsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ jsonData: expect.objectContaining({ timeoutSeconds: 5 }) })
    );
    rerender(
      <ConfigEditor options={settings({ jsonData: { liveIntervalMs: 200 } })} onOptionsChange={onOptionsChange} />
    );
    expect(screen.getByText('Poll at most once every 1000 ms.')).toBeInTheDocument();
  });
});

const datasource = { client: { liveIntervalMs: 5000 } } as unknown as DataSource;

// Combobox sizes itself with canvas text metrics, which jsdom lacks.
const getContext = HTMLCanvasElement.prototype.getContext;
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => ({
    font: '',
    measureText: (text: string) => ({ width: text.length * 7 }),
  })) as never;
});
afterAll(() => {
  HTMLCanvasElement.prototype.getContext = getContext;
});

function renderQuery(query: Partial<RustyDBQuery>) {
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  render(
    <QueryEditor query={{ refId: 'A', ...query }} onChange={onChange} onRunQuery={onRunQuery} datasource={datasource} />
  );
  return { onChange, onRunQuery };
}

describe('QueryEditor', () => {
  it("shows Explore's label filters only when there are some, and drops the field with the last one", async () => {
    renderQuery({ queryType: QueryType.Logs });
    expect(screen.queryByText('Label filters')).toBeNull();
    const { onChange, onRunQuery } = renderQuery({
      queryType: QueryType.Logs,
      labelFilters: [{ key: 'log', value: 'rustydb', op: '=' }],
    });
    await userEvent.click(screen.getByRole('button', { name: 'Remove label filter log = "rustydb"' }));
    expect(onChange.mock.calls.at(-1)[0].labelFilters).toBeUndefined();
    expect(onRunQuery).toHaveBeenCalled();
  });

  it('shows what the query returns', () => {
    renderQuery({ queryType: QueryType.Transactions, view: 'locks' });
    expect(screen.getByText('One row per lock (/transactions/locks).')).toBeInTheDocument();
  });

  it('offers the id list of the type (pools) and runs the query on change', async () => {
    const { onChange, onRunQuery } = renderQuery({ queryType: QueryType.PoolStats });
    const input = screen.getByPlaceholderText('all (or $variable)');
    await userEvent.type(input, '$pool{enter}');
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ poolIds: ['$pool'] }));
    expect(onRunQuery).toHaveBeenCalled();
  });

  it('validates the raw path as it is typed', () => {
    renderQuery({ queryType: QueryType.Raw, path: '/api/v1/../admin' });
    expect(screen.getByText(/has an empty, "\." or "\.\." segment/)).toBeInTheDocument();
  });

  it('switches live mode on with the default interval as placeholder', async () => {
    const { onChange } = renderQuery({ queryType: QueryType.Performance });
    await userEvent.click(screen.getByLabelText('Live', { selector: 'input' }));
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ live: true }));
  });

  it('saves an old query in the current schema on its next edit', async () => {
    const { onChange } = renderQuery({ queryType: QueryType.Performance });
    await userEvent.click(screen.getByLabelText('Live', { selector: 'input' }));
    expect(onChange).toHaveBeenCalledWith({
      refId: 'A',
      queryType: QueryType.Performance,
      live: true,
      queryVersion: QUERY_VERSION,
    });
  });

  it('keeps its fields after a change of query type, which clears the view (`view: undefined`)', () => {
    renderQuery({ queryType: QueryType.Health, view: undefined });
    expect(screen.queryByText('This query cannot be read')).not.toBeInTheDocument();
    expect(screen.getByText(/One row: status, healthy/)).toBeInTheDocument();
  });

  it('says why it cannot read a query, and offers to start over', async () => {
    const { onChange } = renderQuery({ poolIds: 'default' as never, queryVersion: 1 });
    expect(screen.getByText('This query cannot be read')).toBeInTheDocument();
    expect(screen.getByText(/"poolIds" must be a list of text/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Start a new query' }));
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', ...NEW_QUERY });
  });

  it('shows the audit filters for audit logs', () => {
    renderQuery({ queryType: QueryType.Security, view: 'auditLogs', audit: { limit: 5000 } });
    expect(screen.getByText('The audit limit must be a whole number from 1 to 1000.')).toBeInTheDocument();
  });
});

describe('VariableQueryEditor', () => {
  it('shows the chosen list', () => {
    render(
      <VariableQueryEditor
        query={{ refId: 'v', target: 'replicas' }}
        onChange={jest.fn()}
        onRunQuery={jest.fn()}
        datasource={datasource}
      />
    );
    expect(screen.getByDisplayValue('Replicas')).toBeInTheDocument();
  });

  it('shows a query Grafana saved as bare text as that list', () => {
    render(
      <VariableQueryEditor
        query={'clusterNodes' as never}
        onChange={jest.fn()}
        onRunQuery={jest.fn()}
        datasource={datasource}
      />
    );
    expect(screen.getByDisplayValue('Cluster nodes')).toBeInTheDocument();
  });

  it('says what is wrong with a query it cannot read', () => {
    render(
      <VariableQueryEditor query={42 as never} onChange={jest.fn()} onRunQuery={jest.fn()} datasource={datasource} />
    );
    expect(screen.getByText(/A RustyDB variable query names a list/)).toBeInTheDocument();
  });
});

describe('queryProblems', () => {
  it.each<[Partial<RustyDBQuery>, string[]]>([
    [{ queryType: QueryType.Performance }, []],
    [{ queryType: 'bogus' }, ['"bogus" is not a query type.']],
    [{ queryType: '$type' }, []],
    [{ queryType: QueryType.Cluster, view: 'nope' }, ['"nope" is not a view of Cluster.']],
    [{ queryType: QueryType.Raw }, ['Enter a GET path below /api/v1/.']],
    [{ queryType: QueryType.Raw, path: '/api/v1/$thing' }, []],
    [
      { queryType: QueryType.Performance, live: true, intervalMs: 100 },
      ['Poll at most once a second: RustyDB allows 100 requests/s for all its clients together.'],
    ],
  ])('%p', (query, messages) => {
    expect(queryProblems({ refId: 'A', ...query }).map((p) => p.message)).toEqual(messages);
  });
});
