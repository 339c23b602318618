import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';
import { ReportVersionEntity } from './report-version.entity';

export type ReviewStatus = 'submitted' | 'accepted' | 'returned';

/** One body's report on one year; its versions are the uploads of it, the newest being current. */
@Entity('report')
@Index('UQ_report_agency_year', ['agencyId', 'year'], { unique: true })
export class ReportEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_report' })
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_report_agency' })
  agency?: AgencyEntity;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ name: 'current_version_id', type: 'uuid', nullable: true })
  currentVersionId!: string | null;

  @ManyToOne(() => ReportVersionEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'current_version_id', foreignKeyConstraintName: 'FK_report_current_version' })
  currentVersion?: ReportVersionEntity | null;

  @Column({ name: 'review_status', type: 'varchar', length: 16, default: 'submitted' })
  reviewStatus!: ReviewStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
