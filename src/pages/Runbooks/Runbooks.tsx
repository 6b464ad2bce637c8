import React, { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2, renderMarkdown } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Card, Stack, useStyles2 } from '@grafana/ui';
import runbooksMarkdown from '../../../monitoring/RUNBOOKS.md';
import { parseRunbooks } from './runbookSections';

/**
 * monitoring/RUNBOOKS.md inside the app, one anchored card per alert, so every alert's `runbook_url`
 * (`<grafana_url>/a/rustydb-monitoring-app/runbooks#<alert>`) opens on any Grafana with the app installed.
 */
export function Runbooks() {
  const { intro, sections } = useMemo(() => parseRunbooks(runbooksMarkdown), []);
  const { hash } = useLocation();
  const styles = useStyles2(getStyles);

  // Grafana renders the page after the browser has looked for the anchor: scroll to it once it exists.
  useEffect(() => {
    const id = decodeURIComponent(hash.replace(/^#/, ''));
    if (id) {
      document.getElementById(id)?.scrollIntoView?.();
    }
  }, [hash]);

  return (
    <PluginPage>
      <Stack direction="column" gap={2}>
        <div className="markdown-html" dangerouslySetInnerHTML={{ __html: renderMarkdown(intro) }} />
        {sections.map((section) => (
          <section
            key={section.anchor}
            id={section.anchor}
            aria-label={section.alert}
            className={section.anchor === hash.slice(1) ? styles.selected : undefined}
          >
            <Card>
              <Card.Heading>
                <a href={`#${section.anchor}`}>{section.alert}</a>
              </Card.Heading>
              <Card.Description>
                <div className="markdown-html" dangerouslySetInnerHTML={{ __html: renderMarkdown(section.body) }} />
              </Card.Description>
            </Card>
          </section>
        ))}
      </Stack>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  selected: css({ outline: `2px solid ${theme.colors.primary.border}`, borderRadius: theme.shape.radius.default }),
});
