import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@nianbao/config';
import { dataSourceOptions } from './data-source-options';
import { AgenciesRepository } from './repositories/agencies.repository';
import { ReportsRepository } from './repositories/reports.repository';
import { StatsRepository } from './repositories/stats.repository';
import { UploadsRepository } from './repositories/uploads.repository';
import { DirectoryFileStorage } from './storage/directory-file-storage';
import { FILE_STORAGE } from './storage/file-storage';

const REPOSITORIES = [AgenciesRepository, UploadsRepository, ReportsRepository, StatsRepository];

/** The database connection (migrations are run by `npm run migrate`, never on boot), repositories and file store. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.databaseUrl),
    }),
  ],
  providers: [
    ...REPOSITORIES,
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new DirectoryFileStorage(config.storageDir),
    },
  ],
  exports: [...REPOSITORIES, FILE_STORAGE],
})
export class PersistenceModule {}
