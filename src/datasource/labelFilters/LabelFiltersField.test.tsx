import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LabelFilter } from '../types';
import { LabelFiltersField } from './LabelFiltersField';

const FILTERS: LabelFilter[] = [
  { key: 'user', value: 'mallory', op: '=' },
  { key: 'object', value: '<img src=x onerror=alert(1)>', op: '!=' },
];

describe('LabelFiltersField', () => {
  it('shows each filter, hostile values as text, and removes the one clicked', async () => {
    const onChange = jest.fn();
    const { container } = render(<LabelFiltersField filters={FILTERS} onChange={onChange} labelWidth={14} />);
    expect(screen.getByText('user = "mallory"')).toBeInTheDocument();
    expect(screen.getByText('object != "<img src=x onerror=alert(1)>"')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Remove label filter user = "mallory"' }));
    expect(onChange).toHaveBeenCalledWith([FILTERS[1]]);
  });
});
