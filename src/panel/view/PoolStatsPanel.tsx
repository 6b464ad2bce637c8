import React from 'react';
import { PanelProps } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { Badge } from '@grafana/ui';
import { poolsFromFrames } from '../model/pools';
import { PoolStatsOptions } from '../types';

type Props = PanelProps<PoolStatsOptions>;

const LEVEL_BADGE = { ok: 'green', warning: 'orange', critical: 'red' } as const;

export function PoolStatsPanel({ data, id, fieldConfig }: Props) {
  const pools = poolsFromFrames(data.series);
  if (pools.length === 0) {
    return <PanelDataErrorView panelId={id} fieldConfig={fieldConfig} data={data} needsNumberField />;
  }
  return (
    <table aria-label="Connection pools">
      <thead>
        <tr>
          <th scope="col">Pool</th>
          <th scope="col">Utilisation</th>
          <th scope="col">Active</th>
          <th scope="col">Idle</th>
          <th scope="col">Waiting</th>
        </tr>
      </thead>
      <tbody>
        {pools.map((pool) => (
          <tr key={pool.id} data-testid="pool-row">
            <th scope="row">{pool.id}</th>
            <td>
              <Badge
                color={LEVEL_BADGE[pool.utilisationLevel]}
                text={pool.utilisation === null ? 'no connections' : `${Math.round(pool.utilisation * 100)} %`}
              />
            </td>
            <td>{pool.active}</td>
            <td>{pool.idle}</td>
            <td>
              <Badge color={LEVEL_BADGE[pool.waitingLevel]} text={String(pool.waiting)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
