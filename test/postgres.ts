// The one way a test file reaches PostgreSQL: ATLAS_TEST_PG names a server
// (scripts/pg-test-cluster.sh starts one). Without it the tests are skipped with a warning
// saying so, unless ATLAS_REQUIRE_PG=1 (CI), where a missing server is a failure.
import { it } from 'vitest';

export function withPostgres(name: string, body: (url: string) => void): void {
  const url = process.env.ATLAS_TEST_PG;
  if (url) {
    body(url);
    return;
  }
  if (process.env.ATLAS_REQUIRE_PG === '1') {
    it(`${name}: ATLAS_TEST_PG must be set when ATLAS_REQUIRE_PG=1`, () => {
      throw new Error('ATLAS_REQUIRE_PG=1 but ATLAS_TEST_PG is not set');
    });
    return;
  }
  const skipped = `${name} SKIPPED: set ATLAS_TEST_PG (scripts/pg-test-cluster.sh starts one)`;
  console.warn(skipped);
  it.skip(skipped, () => {});
}
