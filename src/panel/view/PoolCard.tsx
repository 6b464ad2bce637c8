import React, { useId } from 'react';
import type { Pool } from '../model/pools';
import { CHURN_HELP, count, percent, rate } from './format';
import { EntryContext, labelsText, LevelTag, PoolName, Trend, trendsOf, UtilisationMeter, WaitingValue } from './parts';

const TREND_HEIGHT = 28;

/** A number above its name; the name comes first in the markup so screen readers read "Active 97". */
function Stat({ name, children, ctx }: { name: string; children: React.ReactNode; ctx: EntryContext }) {
  return (
    <div className={ctx.styles.stat}>
      <dt className={ctx.styles.statName}>{name}</dt>
      <dd className={ctx.styles.statValue}>{children}</dd>
    </div>
  );
}

function lifetimeText(pool: Pool): string | null {
  const { churn } = pool;
  const counters = (['acquired', 'created', 'destroyed'] as const).flatMap((name) =>
    pool[name] === null ? [] : [`${name} ${count(pool[name])}`]
  );
  const rates = [
    churn.createdPerAcquired === null ? null : `churn ${percent(churn.createdPerAcquired)}`,
    churn.createdPerMinute === null ? null : `${rate(churn.createdPerMinute)} created/min`,
    churn.destroyedPerMinute === null ? null : `${rate(churn.destroyedPerMinute)} destroyed/min`,
  ].filter((part): part is string => part !== null);
  const parts = [...counters, ...rates];
  return parts.length ? `Lifetime: ${parts.join(' · ')}` : null;
}

function headroomText(pool: Pool): string | null {
  if (pool.max === null) {
    return null;
  }
  const inUse = pool.inUse === null ? '' : ` (${percent(pool.inUse)} in use)`;
  const low = pool.inUseLevel && pool.inUseLevel !== 'ok' ? ', low headroom' : '';
  return `Max ${count(pool.max)}, headroom ${count(pool.headroom)}${inUse}${low}`;
}

export function PoolCard({ pool, ctx, width }: { pool: Pool; ctx: EntryContext; width: number }) {
  const { styles, fmt } = ctx;
  const titleId = useId();
  const labels = labelsText(pool);
  const lifetime = lifetimeText(pool);
  const headroom = headroomText(pool);
  const trends = ctx.showTrend ? trendsOf(pool, fmt) : [];
  const trendWidth = Math.max(40, Math.floor((width - 40) / 2));
  return (
    <article className={styles.card} role="listitem" aria-labelledby={titleId} data-testid="pool-entry">
      <div className={styles.cardHeader}>
        <h3 id={titleId} className={styles.poolName}>
          <PoolName pool={pool} ctx={ctx} className="" />
        </h3>
        <LevelTag level={pool.level} styles={styles} />
      </div>
      {labels && (
        <div className={styles.secondary} title={labels}>
          {labels}
        </div>
      )}
      <UtilisationMeter pool={pool} ctx={ctx} />
      <dl className={styles.stats}>
        <Stat name="Active" ctx={ctx}>
          {count(pool.active)}
        </Stat>
        <Stat name="Idle" ctx={ctx}>
          {count(pool.idle)}
        </Stat>
        <Stat name="Total" ctx={ctx}>
          {count(pool.total)}
        </Stat>
        <Stat name="Waiting" ctx={ctx}>
          <WaitingValue pool={pool} styles={styles} />
        </Stat>
      </dl>
      {headroom && (
        <div className={styles.secondary} title={headroom}>
          {headroom}
        </div>
      )}
      {lifetime && (
        <div className={styles.secondary} title={`${lifetime}. ${CHURN_HELP}`}>
          {lifetime}
        </div>
      )}
      {trends.length > 0 && (
        <div className={styles.trends}>
          {trends.map((spec) => (
            <div key={spec.kind} className={styles.trend}>
              <div className={styles.secondary}>
                {spec.kind === 'utilisation' ? 'Utilisation trend' : 'Waiting trend'}
              </div>
              <Trend spec={spec} width={trendWidth} height={TREND_HEIGHT} />
            </div>
          ))}
        </div>
      )}
    </article>
  );
}
