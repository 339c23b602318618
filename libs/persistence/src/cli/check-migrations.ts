import { loadProcessConfig } from '@nianbao/config';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';

/**
 * Fails (exit 1) when the entities and the migrations drift: runs every migration on a throwaway database on
 * DATABASE_URL's server, then asks TypeORM for the schema diff — what `typeorm migration:generate --check` does —
 * and prints any statement a new migration would need. The throwaway database is dropped afterwards.
 */
async function checkMigrations(): Promise<number> {
  const serverUrl = loadProcessConfig().databaseUrl;
  const name = `nianbao_migration_check_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataSource = new DataSource(dataSourceOptions(url.toString()));
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations();
    const diff = await dataSource.driver.createSchemaBuilder().log();
    process.stdout.write(`${applied.length} migration(s) applied to ${name}\n`);
    if (diff.upQueries.length === 0) {
      process.stdout.write('entities and migrations agree\n');
      return 0;
    }
    process.stderr.write('entities and migrations drift; a migration would need:\n');
    for (const query of diff.upQueries) process.stderr.write(`  ${query.query};\n`);
    return 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

checkMigrations().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
