import type { UploadStatus } from '@nianbao/api-contract';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';

@Entity('upload')
@Index('IDX_upload_sha256', ['sha256'])
export class UploadEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_upload' })
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @ManyToOne(() => AgencyEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_upload_agency' })
  agency?: AgencyEntity | null;

  @Column({ name: 'declared_year', type: 'integer', nullable: true })
  declaredYear!: number | null;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ name: 'media_type', type: 'varchar', length: 255 })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey!: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: UploadStatus;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  /** How many times a worker started parsing this upload. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Bumped when a re-run is requested on purpose, so that the job id changes. */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
