import type { FindingStatus, Severity } from '@nianbao/report-format';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from './numeric-transformer';
import { ReportVersionEntity } from './report-version.entity';

@Entity('finding')
@Index('IDX_finding_version', ['versionId'])
export class FindingEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_finding' })
  id!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => ReportVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'FK_finding_version' })
  version?: ReportVersionEntity;

  @Column({ type: 'varchar', length: 96 })
  rule!: string;

  @Column({ type: 'varchar', length: 8 })
  severity!: Severity;

  @Column({ type: 'varchar', length: 16 })
  status!: FindingStatus;

  @Column({ type: 'text', array: true })
  cells!: string[];

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  expected!: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  actual!: number | null;

  @Column({ type: 'text' })
  message!: string;
}
