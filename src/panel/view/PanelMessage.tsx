import React from 'react';
import { PanelData } from '@grafana/data';
import { ROLE_LABEL, ROLE_NAMES } from '../model/roles';
import { Role } from '../types';
import { Styles } from './styles';

/** The messages of failed queries, each once. */
export function queryErrors(data: PanelData): string[] {
  const messages = (data.errors ?? []).map((e) => {
    const text = e.message || e.data?.message || e.statusText || 'Unknown error';
    return e.refId ? `Query ${e.refId}: ${text}` : text;
  });
  return [...new Set(messages)];
}

interface Props {
  title: string;
  styles: Styles;
  /** `alert` for failures, `status` for the rest. */
  role?: 'alert' | 'status';
  children: React.ReactNode;
}

export function PanelMessage({ title, styles, role = 'status', children }: Props) {
  return (
    <div className={styles.message} role={role} data-testid="pool-panel-message">
      <h3 className={styles.messageTitle}>{title}</h3>
      {children}
    </div>
  );
}

const MAX_FIELDS_LISTED = 20;

export function MissingFields({ missing, found, styles }: { missing: Role[]; found: string[]; styles: Styles }) {
  const listed = found.slice(0, MAX_FIELDS_LISTED);
  return (
    <PanelMessage title="Connection counts not found" styles={styles}>
      <p className={styles.messageText}>
        Each pool needs its active and idle connections (or its total and one of them). Missing:{' '}
        <strong>{missing.map((r) => ROLE_LABEL[r]).join(', ')}</strong>.
      </p>
      <p className={styles.messageText}>
        {listed.length > 0 ? (
          <>
            Fields in the data:{' '}
            {listed.map((name, i) => (
              <React.Fragment key={name}>
                {i > 0 && ', '}
                <code className={styles.code}>{name}</code>
              </React.Fragment>
            ))}
            {found.length > listed.length && ` and ${found.length - listed.length} more`}.{' '}
          </>
        ) : (
          'The data has no fields besides time. '
        )}
        Choose them under Panel options › Field mapping ({missing.map((r) => ROLE_LABEL[r]).join(', ')}), or name them{' '}
        {missing.map((r, i) => (
          <React.Fragment key={r}>
            {i > 0 && ' and '}
            <code className={styles.code}>{ROLE_NAMES[r][0]}</code>
          </React.Fragment>
        ))}
        .
      </p>
    </PanelMessage>
  );
}
