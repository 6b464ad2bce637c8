import React from 'react';
import { render, screen } from '@testing-library/react';
import { FieldColorModeId, PanelOptionsEditorBuilder, standardEditorsRegistry, ThresholdsMode } from '@grafana/data';
import { grafanaSteps, THRESHOLDS } from '../rustydb/thresholds';
import { registerStandardOptions } from './testing/standardOptions';
import { plugin } from './module';
import { WaitingThresholdsEditor } from './options/WaitingThresholdsEditor';
import { ROLES } from './model/roles';
import { DEFAULT_WAITING_THRESHOLDS } from './model/settings';
import { DEFAULT_OPTIONS, PoolStatsOptions } from './types';

// As in Grafana, standard options exist before the plugin's field-config registry is built.
registerStandardOptions();

const asSteps = (t: (typeof THRESHOLDS)[keyof typeof THRESHOLDS]) =>
  grafanaSteps(t).map((s) => ({ value: s.value ?? -Infinity, color: s.color }));

describe('plugin defaults', () => {
  it("colours utilisation by the guide's levels, in percent, from thresholds", () => {
    const { defaults } = plugin.fieldConfigDefaults;
    expect(defaults.unit).toBe(THRESHOLDS.poolUtilisation.unit);
    expect(defaults.thresholds).toEqual({ mode: ThresholdsMode.Absolute, steps: asSteps(THRESHOLDS.poolUtilisation) });
    expect(defaults.color).toEqual({ mode: FieldColorModeId.Thresholds });
  });

  it("has a second threshold set for waiting requests with the guide's levels", () => {
    expect(plugin.fieldConfigDefaults.defaults.custom?.waitingThresholds).toEqual({
      mode: ThresholdsMode.Absolute,
      steps: asSteps(THRESHOLDS.poolWaiting),
    });
  });

  it('builds every panel option with its default', () => {
    const { fields, ...rest } = DEFAULT_OPTIONS;
    expect(plugin.defaults).toEqual(rest);
    expect(fields).toEqual({});
  });

  it('offers a field picker for every role, under Field mapping', () => {
    const builder = new PanelOptionsEditorBuilder<PoolStatsOptions>();
    plugin.getPanelOptionsSupplier()(builder, { data: [] });
    const pickers = builder.getItems().filter((item) => item.category?.[0] === 'Field mapping');
    expect(pickers.map((item) => item.path)).toEqual(ROLES.map((role) => `fields.${role}`));
    expect(pickers.every((item) => item.editor === standardEditorsRegistry.get('field-name').editor)).toBe(true);
  });

  it('keeps the standard options that mean something for a pool', () => {
    const ids = plugin.fieldConfigRegistry.list().map((item) => item.id);
    expect(ids.sort()).toEqual(['color', 'custom.waitingThresholds', 'decimals', 'links', 'thresholds', 'unit']);
  });
});

describe('WaitingThresholdsEditor', () => {
  afterEach(() => jest.restoreAllMocks());
  const value = DEFAULT_WAITING_THRESHOLDS;
  const props = { value, onChange: jest.fn(), context: { data: [] }, item: { id: 'waitingThresholds', name: 'w' } };

  it("hands the value to Grafana's own thresholds editor from the registry", () => {
    const editor = jest.fn(() => <div>grafana thresholds editor</div>);
    jest
      .spyOn(standardEditorsRegistry, 'getIfExists')
      .mockReturnValue({ id: 'thresholds', name: 'Thresholds', editor });
    render(<WaitingThresholdsEditor {...props} />);
    expect(screen.getByText('grafana thresholds editor')).toBeInTheDocument();
    expect(editor.mock.calls[0]).toEqual([
      expect.objectContaining({ value, onChange: props.onChange }),
      expect.anything(),
    ]);
  });

  it('says so when the registry has no thresholds editor', () => {
    jest.spyOn(standardEditorsRegistry, 'getIfExists').mockReturnValue(undefined);
    render(<WaitingThresholdsEditor {...props} />);
    expect(screen.getByText(/thresholds editor is not available/)).toBeInTheDocument();
  });
});
