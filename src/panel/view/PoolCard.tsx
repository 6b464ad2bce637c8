import React, { useId } from 'react';
import type { Pool } from '../model/pools';
import { count, percent, rate } from './format';
import { EntryContext, labelsText, LevelTag, PoolName, Trend, UtilisationMeter, WaitingValue } from './parts';

const TREND_HEIGHT = 28;

function Fact({ name, children, ctx }: { name: string; children: React.ReactNode; ctx: EntryContext }) {
  return (
    <div className={ctx.styles.fact}>
      <dt className={ctx.styles.factName}>{name}</dt>
      <dd className={ctx.styles.factValue}>{children}</dd>
    </div>
  );
}

export function lifetimeText(pool: Pool): string | null {
  const { acquired, created, destroyed, churn } = pool;
  if (acquired === null && created === null && destroyed === null) {
    return null;
  }
  const parts = [`acquired ${count(acquired)}`, `created ${count(created)}`, `destroyed ${count(destroyed)}`];
  if (churn.createdPerAcquired !== null) {
    parts.push(`${percent(churn.createdPerAcquired)} of acquisitions opened a connection`);
  }
  if (churn.createdPerMinute !== null) {
    parts.push(`${rate(churn.createdPerMinute)} created/min`);
  }
  if (churn.destroyedPerMinute !== null) {
    parts.push(`${rate(churn.destroyedPerMinute)} destroyed/min`);
  }
  return `Lifetime: ${parts.join(' · ')}`;
}

export function headroomText(pool: Pool): string | null {
  if (pool.max === null) {
    return null;
  }
  const inUse = pool.inUse === null ? '' : `, ${percent(pool.inUse)} of max in use`;
  const low = pool.inUseLevel && pool.inUseLevel !== 'ok' ? ' (low headroom)' : '';
  return `${count(pool.headroom)} of ${count(pool.max)}${inUse}${low}`;
}

export function PoolCard({ pool, ctx, width }: { pool: Pool; ctx: EntryContext; width: number }) {
  const { styles, fmt } = ctx;
  const titleId = useId();
  const labels = labelsText(pool);
  const lifetime = lifetimeText(pool);
  const headroom = headroomText(pool);
  const hasTrend = ctx.showTrend && (pool.trend.utilisation.length > 0 || pool.trend.waiting.length > 0);
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
        <div className={styles.labels} title={labels}>
          {labels}
        </div>
      )}
      <UtilisationMeter pool={pool} ctx={ctx} />
      <dl className={styles.facts}>
        <Fact name="Active" ctx={ctx}>
          {count(pool.active)}
        </Fact>
        <Fact name="Idle" ctx={ctx}>
          {count(pool.idle)}
        </Fact>
        <Fact name="Total" ctx={ctx}>
          {count(pool.total)}
        </Fact>
        <Fact name="Waiting" ctx={ctx}>
          <WaitingValue pool={pool} styles={styles} />
        </Fact>
        {headroom && (
          <Fact name="Headroom" ctx={ctx}>
            {headroom}
          </Fact>
        )}
      </dl>
      {lifetime && (
        <div className={styles.lifetime} title={lifetime}>
          {lifetime}
        </div>
      )}
      {hasTrend && (
        <div className={styles.trends}>
          {pool.trend.utilisation.length > 0 && (
            <div className={styles.trend}>
              <div className={styles.trendLabel}>Utilisation trend</div>
              <Trend
                label="Utilisation"
                samples={pool.trend.utilisation}
                width={trendWidth}
                height={TREND_HEIGHT}
                color={fmt.utilisation(pool)?.color ?? fmt.neutral}
                max={1}
                format={percent}
              />
            </div>
          )}
          {pool.trend.waiting.length > 0 && (
            <div className={styles.trend}>
              <div className={styles.trendLabel}>Waiting trend</div>
              <Trend
                label="Waiting requests"
                samples={pool.trend.waiting}
                width={trendWidth}
                height={TREND_HEIGHT}
                color={pool.waitingLevel ? fmt.color(pool.waitingLevel.color) : fmt.neutral}
                format={count}
              />
            </div>
          )}
        </div>
      )}
    </article>
  );
}
