import type { CellKind, CellSource } from '@nianbao/report-format';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { numericTransformer } from './numeric-transformer';
import { ReportVersionEntity } from './report-version.entity';

/** One table cell of one version, by canonical key. */
@Entity('report_value')
export class ReportValueEntity {
  @PrimaryColumn({ name: 'version_id', type: 'uuid', primaryKeyConstraintName: 'PK_report_value' })
  versionId!: string;

  @ManyToOne(() => ReportVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'FK_report_value_version' })
  version?: ReportVersionEntity;

  @PrimaryColumn({ type: 'varchar', length: 96, primaryKeyConstraintName: 'PK_report_value' })
  key!: string;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  value!: number | null;

  @Column({ type: 'varchar', length: 8 })
  kind!: CellKind;

  @Column({ type: 'text' })
  raw!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  unit!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  source!: CellSource | null;
}
