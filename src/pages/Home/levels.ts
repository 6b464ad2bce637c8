import type { IconName } from '@grafana/data';
import type { BadgeColor } from '@grafana/ui';
import type { InstanceLevel } from './instanceReport';

type TextColor = 'success' | 'warning' | 'error';

/** How each level looks: always a word and an icon as well as a colour, so nothing depends on seeing colour. */
export const LEVEL_LOOK: Record<InstanceLevel, { word: string; badge: BadgeColor; icon: IconName; text: TextColor }> = {
  ok: { word: 'Healthy', badge: 'green', icon: 'check-circle', text: 'success' },
  warning: { word: 'Warning', badge: 'orange', icon: 'exclamation-triangle', text: 'warning' },
  critical: { word: 'Critical', badge: 'red', icon: 'exclamation-circle', text: 'error' },
  unreachable: { word: 'Unreachable', badge: 'red', icon: 'times-circle', text: 'error' },
};
