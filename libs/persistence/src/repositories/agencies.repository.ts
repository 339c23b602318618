import { Injectable } from '@nestjs/common';
import type { AgencyKind } from '@nianbao/api-contract';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { findAgencyMatch, inferAgencyKind, inferRegionLevel } from '../agency-names';
import { AgencyEntity } from '../entities/agency.entity';
import { RegionEntity, type RegionLevel } from '../entities/region.entity';

export interface AgencySummary {
  id: string;
  name: string;
  kind: AgencyKind;
  region: string | null;
  aliases: string[];
  isDemo: boolean;
}

export interface NewAgency {
  name: string;
  kind?: AgencyKind;
  aliases?: string[];
  regionName?: string | null;
  isDemo?: boolean;
}

export interface NewRegion {
  name: string;
  level?: RegionLevel;
  parentId?: string | null;
  isDemo?: boolean;
}

/** Serialises registrations, so that two workers reading the same new body register it once. */
const REGISTRY_LOCK = 7_301_001;

@Injectable()
export class AgenciesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(agencyIds?: readonly string[]): Promise<AgencySummary[]> {
    const query = this.dataSource
      .getRepository(AgencyEntity)
      .createQueryBuilder('agency')
      .leftJoin('agency.region', 'region')
      .select(['agency.id', 'agency.name', 'agency.kind', 'agency.aliases', 'agency.isDemo', 'region.name'])
      .orderBy('region.name', 'ASC', 'NULLS LAST')
      .addOrderBy('agency.name', 'ASC');
    if (agencyIds) query.where('agency.id IN (:...agencyIds)', { agencyIds: agencyIds.length ? agencyIds : [null] });
    const agencies = await query.getMany();
    return agencies.map((a) => this.summary(a));
  }

  async findById(id: string): Promise<AgencySummary | null> {
    const [agency] = await this.list([id]);
    return agency ?? null;
  }

  /** The registered body a report names (by name or alias, tolerant of 人民政府/办事处 and a leading region; see findAgencyMatch). */
  async findByPrintedName(printed: string, regionName?: string | null): Promise<AgencySummary | null> {
    return this.matchIn(this.dataSource.manager, printed, regionName);
  }

  /** Finds the body a report names, or registers it (with its region) when no registered body matches. */
  async findOrRegister(agency: NewAgency): Promise<{ agency: AgencySummary; registered: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [REGISTRY_LOCK]);
      const existing = await this.matchIn(manager, agency.name, agency.regionName);
      if (existing) return { agency: existing, registered: false };
      const region = agency.regionName
        ? await this.regionIn(manager, { name: agency.regionName, isDemo: agency.isDemo })
        : null;
      const entity = manager.create(AgencyEntity, {
        id: randomUUID(),
        name: agency.name.trim(),
        aliases: agency.aliases ?? [],
        kind: agency.kind ?? inferAgencyKind(agency.name),
        regionId: region?.id ?? null,
        isDemo: agency.isDemo ?? false,
      });
      await manager.save(entity);
      return {
        agency: this.summary({ ...entity, region }),
        registered: true,
      };
    });
  }

  /** The region of that name, created when absent. */
  async findOrCreateRegion(region: NewRegion): Promise<RegionEntity> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [REGISTRY_LOCK]);
      return this.regionIn(manager, region);
    });
  }

  private async regionIn(manager: EntityManager, region: NewRegion): Promise<RegionEntity> {
    const name = region.name.trim();
    const existing = await manager.findOne(RegionEntity, { where: { name } });
    if (existing) return existing;
    const entity = manager.create(RegionEntity, {
      id: randomUUID(),
      code: null,
      name,
      parentId: region.parentId ?? null,
      level: region.level ?? inferRegionLevel(name),
      isDemo: region.isDemo ?? false,
    });
    return manager.save(entity);
  }

  private async matchIn(
    manager: EntityManager,
    printed: string,
    regionName?: string | null,
  ): Promise<AgencySummary | null> {
    const candidates = await manager
      .getRepository(AgencyEntity)
      .createQueryBuilder('agency')
      .leftJoinAndSelect('agency.region', 'region')
      .orderBy('agency.created_at', 'ASC')
      .getMany();
    const found = findAgencyMatch(
      { name: printed, region: regionName ?? null },
      candidates.map((agency) => ({ agency, name: agency.name, aliases: agency.aliases, region: agency.region?.name ?? null })),
    );
    return found ? this.summary(found.agency) : null;
  }

  private summary(agency: Omit<AgencyEntity, 'createdAt'>): AgencySummary {
    return {
      id: agency.id,
      name: agency.name,
      kind: agency.kind,
      region: agency.region?.name ?? null,
      aliases: agency.aliases,
      isDemo: agency.isDemo,
    };
  }
}
