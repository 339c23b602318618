import type { ReportFormat, SectionKey, StatisticsPeriod, TableFormats } from '@nianbao/report-format';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ReportEntity } from './report.entity';
import { UploadEntity } from './upload.entity';

/** What one upload of a report said, as read. Immutable once written. */
@Entity('report_version')
@Index('UQ_report_version_upload', ['uploadId'], { unique: true })
@Index('UQ_report_version_number', ['reportId', 'number'], { unique: true })
export class ReportVersionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_report_version' })
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => ReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'FK_report_version_report' })
  report?: ReportEntity;

  @Column({ name: 'upload_id', type: 'uuid' })
  uploadId!: string;

  @ManyToOne(() => UploadEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'upload_id', foreignKeyConstraintName: 'FK_report_version_upload' })
  upload?: UploadEntity;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'varchar', length: 16 })
  format!: ReportFormat;

  @Column({ name: 'table_formats', type: 'jsonb' })
  tableFormats!: TableFormats;

  @Column({ name: 'parser_version', type: 'varchar', length: 64 })
  parserVersion!: string;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  /** The body's name as the document prints it. */
  @Column({ name: 'agency_name', type: 'text', nullable: true })
  agencyName!: string | null;

  @Column({ name: 'region_name', type: 'text', nullable: true })
  regionName!: string | null;

  @Column({ type: 'integer', nullable: true })
  year!: number | null;

  @Column({ name: 'statistics_period', type: 'jsonb', nullable: true })
  statisticsPeriod!: StatisticsPeriod | null;

  @Column({ type: 'jsonb' })
  sections!: Partial<Record<SectionKey, string>>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
