/** Reference data export → import → export round-trips: identical files and identical organisations. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadReferenceData, REFERENCE_DIR } from '../../src/modules/organizations/reference-data.ts';
import { exportReferenceData } from '../../src/ops/reference.ts';
import { createTestDatabase } from '../test-app.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-reference-'));
let source: DatabaseHandle;
let drop: () => Promise<void>;
let target: DatabaseHandle;

beforeAll(async () => {
  ({ database: source, drop } = await createTestDatabase());
  target = await openDatabase({});
  await migrate(target.db);
});
afterAll(async () => {
  await target.close();
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function organizations(db: DatabaseHandle['db']) {
  return db
    .selectFrom('organizations')
    .select(['code', 'kind', 'nameTh', 'shortNameTh', 'nameEn', 'provinceCode', 'districtCode', 'lat', 'lon', 'website', 'address', 'postcode', 'areaKm2', 'searchText'])
    .orderBy('code')
    .execute();
}

it('exports the reference CSVs and imports them back to the same organisations', async () => {
  const first = path.join(dir, 'first');
  const counts = await exportReferenceData(source.db, first);
  expect(counts).toEqual({ provinces: 77, districts: 928, localGovernments: 7849 });
  for (const file of ['provinces.csv', 'districts.csv']) {
    expect(fs.readFileSync(path.join(first, file), 'utf8'), file).toBe(fs.readFileSync(path.join(REFERENCE_DIR, file), 'utf8'));
  }

  const loaded = await loadReferenceData(target.db, () => {}, first);
  expect(loaded).toMatchObject({ provinces: 77, districts: 928, loaded: true });
  expect(await organizations(target.db)).toEqual(await organizations(source.db));

  const second = path.join(dir, 'second');
  await exportReferenceData(target.db, second);
  for (const file of ['provinces.csv', 'districts.csv', 'laos.csv']) {
    expect(fs.readFileSync(path.join(second, file), 'utf8'), file).toBe(fs.readFileSync(path.join(first, file), 'utf8'));
  }
});
