import fs from 'fs';
import path from 'path';
import { ENDPOINTS, EndpointSpec } from '../../rustydb/api/endpoints';

const DIR = path.join(__dirname, '../../../fixtures');

export function fixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8'));
}

export type Variant = 'plain' | 'populated';

const SPECS = Object.values(ENDPOINTS) as EndpointSpec[];

/** The endpoint a concrete path belongs to (`/api/v1/pools/x/stats` → `/api/v1/pools/{id}/stats`), query string ignored. */
function specOf(requestPath: string): EndpointSpec | undefined {
  const bare = requestPath.split('?')[0];
  // Static routes win over `{id}` ones, as in RustyDB's router (`/transactions/locks` is not transaction "locks").
  return (
    SPECS.find((spec) => spec.path === bare) ??
    SPECS.find((spec) => new RegExp(`^${spec.path.replace(/[.]/g, '\\.').replace('{id}', '[^/]+')}$`).test(bare))
  );
}

/** The fixture body RustyDB would answer for a path: the `.populated` variant where there is one and it is asked for. */
export function fixtureFor(requestPath: string, variant: Variant): unknown {
  const spec = specOf(requestPath);
  if (!spec) {
    throw new Error(`no fixture for ${requestPath}`);
  }
  return fixture(variant === 'populated' && spec.populatedFixture ? spec.populatedFixture : spec.fixture);
}
