import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export type RegionLevel = 'province' | 'city' | 'county';

@Entity('region')
export class RegionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_region' })
  id!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  code!: string | null;

  @Index('UQ_region_name', { unique: true })
  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_region_parent' })
  parent?: RegionEntity | null;

  @Column({ type: 'varchar', length: 16 })
  level!: RegionLevel;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
