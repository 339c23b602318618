import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../support/database';

/** The committed migrations must build exactly the schema the entities describe (style.md rule 6). */
describeWithPostgres(__filename, 'migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(__filename);
  }, 120_000);

  afterAll(async () => {
    await database?.drop();
  });

  it('leave nothing for a new migration to do (entities and migrations agree)', async () => {
    const diff = await database.dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('are all applied and none is pending', async () => {
    await expect(database.dataSource.showMigrations()).resolves.toBe(false);
    expect(database.dataSource.migrations.length).toBeGreaterThan(0);
  });
});
