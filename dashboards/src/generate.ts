/**
 * `npm run dashboards` regenerates dashboards/*.json from dashboards/src/boards and bumps the revision of every
 * dashboard whose content changed; `npm run dashboards -- --check` only reports what is out of date (exit 1).
 */
import { generate, staleness } from './render';

async function main(): Promise<number> {
  if (process.argv.includes('--check')) {
    const problems = await staleness();
    for (const p of problems) {
      console.error(`✗ ${p}`);
    }
    if (problems.length) {
      console.error(
        'Run `npm run dashboards` and commit dashboards/ (it bumps the revision of each changed dashboard).'
      );
      return 1;
    }
    console.log('dashboards/*.json are up to date.');
    return 0;
  }
  const { written, bumped, added, retired } = await generate();
  console.log(`Wrote ${written.length} dashboards; revision bumped: ${bumped.length ? bumped.join(', ') : 'none'}.`);
  if (added.length) {
    console.log(`New panel ids (dashboards/src/panelIds.lock): ${added.join(', ')}.`);
  }
  if (retired.length) {
    console.log(
      `Retired panel ids, never to be reused: ${retired.join(', ')}. Renamed a panel? Set its \`key\` to the old key to keep its id.`
    );
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(err);
    process.exitCode = 1;
  }
);
