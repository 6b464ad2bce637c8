import React from 'react';
import { StandardEditorProps, standardEditorsRegistry, ThresholdsConfig } from '@grafana/data';

type Props = StandardEditorProps<ThresholdsConfig>;

/**
 * The waiting-request thresholds use Grafana's own thresholds editor, looked up when the editor renders: Grafana fills
 * the registry at start-up, before any panel editor opens.
 */
export function WaitingThresholdsEditor(props: Props) {
  const Editor = standardEditorsRegistry.getIfExists('thresholds')?.editor;
  return Editor ? <Editor {...props} /> : <span>The thresholds editor is not available in this Grafana version.</span>;
}
