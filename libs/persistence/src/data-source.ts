import { loadProcessConfig } from '@nianbao/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** The TypeORM CLI's data source (`typeorm -d dist/libs/persistence/src/data-source.js ...`). */
export default new DataSource(dataSourceOptions(loadProcessConfig().databaseUrl));
