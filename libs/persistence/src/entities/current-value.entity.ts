import type { CellKind } from '@nianbao/report-format';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';
import { numericTransformer } from './numeric-transformer';
import { ReportEntity } from './report.entity';
import { ReportVersionEntity } from './report-version.entity';

/**
 * The values of every report's current version, keyed for charts: the primary key (key, year, agency_id) is the
 * index a series query walks. Rewritten in the transaction that moves a report's current version.
 */
@Entity('current_value')
@Index('IDX_current_value_report', ['reportId'])
export class CurrentValueEntity {
  @PrimaryColumn({ type: 'varchar', length: 96, primaryKeyConstraintName: 'PK_current_value' })
  key!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_current_value' })
  year!: number;

  @PrimaryColumn({ name: 'agency_id', type: 'uuid', primaryKeyConstraintName: 'PK_current_value' })
  agencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_current_value_agency' })
  agency?: AgencyEntity;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => ReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'FK_current_value_report' })
  report?: ReportEntity;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => ReportVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'FK_current_value_version' })
  version?: ReportVersionEntity;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  value!: number | null;

  @Column({ type: 'varchar', length: 8 })
  kind!: CellKind;
}
