/** The Recent audit events filters: user (RustyDB filters by it), action and result (filtered after it answers). */
const ALL = '*';

function custom(name: string, label: string, values: string[], description: string): Record<string, unknown> {
  return {
    type: 'custom',
    name,
    label,
    description,
    query: values.join(','),
    current: { text: 'All', value: '$__all' },
    options: [],
    hide: 0,
    multi: true,
    includeAll: true,
    allValue: ALL,
  };
}

/** RustyDB's `AuditAction` names an operator filters by most (contract §3.46). */
const ACTIONS = [
  'AuthFailure',
  'Login',
  'Logout',
  'Select',
  'Insert',
  'Update',
  'Delete',
  'Create',
  'Drop',
  'Alter',
  'Grant',
  'Revoke',
  'SecurityChange',
];

export const AUDIT_FILTER_VARIABLES: Array<Record<string, unknown>> = [
  {
    type: 'textbox',
    name: 'audit_user',
    label: 'User',
    description: 'Only this user’s audit entries (empty: everyone).',
    query: '',
    current: { text: '', value: '' },
    hide: 0,
  },
  custom('audit_action', 'Action', ACTIONS, 'Only these audit actions.'),
  custom('audit_result', 'Result', ['success', 'failure'], 'Only entries that succeeded, or only those that failed.'),
];
