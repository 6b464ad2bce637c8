/**
 * Grafana fills its option registries at start-up; outside Grafana they are empty, so panels would get no unit,
 * thresholds, colour or data links from `applyFieldOverrides`, and options builders would find no editors. This
 * registers the standard field options this panel uses (how they are processed) and the option editors (as empty
 * components), so tests and the browser page build options and process field config as Grafana does.
 */
import {
  dataLinksOverrideProcessor,
  Field,
  FieldConfigProperty,
  FieldConfigPropertyItem,
  FieldType,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
} from '@grafana/data';

const noEditor = () => null;
const numbers = (field: Field) => field.type === FieldType.number;
const every = () => true;

const ITEMS: Array<[FieldConfigProperty, FieldConfigPropertyItem['process'], (field: Field) => boolean]> = [
  [FieldConfigProperty.Unit, stringOverrideProcessor, numbers],
  [FieldConfigProperty.Decimals, numberOverrideProcessor, numbers],
  [FieldConfigProperty.Thresholds, thresholdsOverrideProcessor, numbers],
  [FieldConfigProperty.Color, identityOverrideProcessor, every],
  [FieldConfigProperty.Links, dataLinksOverrideProcessor, every],
];

const EDITORS = ['radio', 'select', 'boolean', 'text', 'number', 'field-name', 'thresholds', 'color', 'links', 'unit'];

export function registerStandardOptions(): void {
  for (const id of EDITORS) {
    if (!standardEditorsRegistry.getIfExists(id)) {
      standardEditorsRegistry.register({ id, name: id, editor: noEditor });
    }
  }
  for (const [id, process, shouldApply] of ITEMS) {
    if (!standardFieldConfigEditorRegistry.getIfExists(id)) {
      standardFieldConfigEditorRegistry.register({
        id,
        path: id,
        name: id,
        editor: noEditor,
        override: noEditor,
        process,
        shouldApply,
      });
    }
  }
}
