import React from 'react';
import { Button, InlineField, Stack } from '@grafana/ui';
import type { LabelFilter } from '../types';
import { filterText } from './filters';

interface Props {
  filters: LabelFilter[];
  onChange: (filters: LabelFilter[]) => void;
  labelWidth: number;
}

/**
 * The label filters Explore's buttons added, shown in the query editor so they can be seen and removed (they have no
 * other place in the UI once the log line that set them is gone).
 */
export function LabelFiltersField({ filters, onChange, labelWidth }: Props) {
  return (
    <InlineField
      label="Label filters"
      labelWidth={labelWidth}
      tooltip="Set by the filter buttons of a log line's details in Explore; every filter must hold. Click one to remove it."
    >
      <Stack direction="row" gap={0.5} wrap="wrap">
        {filters.map((filter, i) => (
          <Button
            key={filterText(filter)}
            size="sm"
            variant="secondary"
            icon="times"
            aria-label={`Remove label filter ${filterText(filter)}`}
            onClick={() => onChange(filters.filter((_, j) => j !== i))}
          >
            {filterText(filter)}
          </Button>
        ))}
      </Stack>
    </InlineField>
  );
}
