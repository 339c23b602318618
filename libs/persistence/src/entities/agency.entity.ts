import type { AgencyKind } from '@nianbao/api-contract';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RegionEntity } from './region.entity';

export const AGENCY_KINDS: readonly AgencyKind[] = ['township', 'town', 'subdistrict', 'department', 'government'];

@Entity('agency')
@Index('IDX_agency_region_name', ['regionId', 'name'])
export class AgencyEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_agency' })
  id!: string;

  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  @Column({ type: 'varchar', length: 16 })
  kind!: AgencyKind;

  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId!: string | null;

  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_agency_region' })
  region?: RegionEntity | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
