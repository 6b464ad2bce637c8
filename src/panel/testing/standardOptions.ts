/**
 * Grafana fills `standardFieldConfigEditorRegistry` at start-up; outside Grafana it is empty, so panels would get no
 * unit, thresholds, colour or data links from `applyFieldOverrides`. This registers those standard options (how
 * they are processed, without editors) so tests and the browser page process field config as Grafana does.
 */
import {
  dataLinksOverrideProcessor,
  Field,
  FieldConfigProperty,
  FieldConfigPropertyItem,
  FieldType,
  identityOverrideProcessor,
  numberOverrideProcessor,
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

export function registerStandardOptions(): void {
  for (const [id, process, shouldApply] of ITEMS) {
    if (!standardFieldConfigEditorRegistry.getIfExists(id)) {
      standardFieldConfigEditorRegistry.register({ id, path: id, name: id, editor: noEditor, override: noEditor, process, shouldApply });
    }
  }
}
