import { Injectable } from '@nestjs/common';
import type { SeriesRow } from '@nianbao/api-contract';
import type { CellKind } from '@nianbao/report-format';
import { DataSource } from 'typeorm';

interface SeriesRecord {
  agency_id: string;
  agency: string;
  region: string | null;
  year: number;
  value: string | null;
  kind: CellKind | null;
  report_id: string | null;
}

@Injectable()
export class StatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One row per registered body and requested year with the current value of `metric`. `missing`: no report that
   * year; `unread`: the report exists but has no value for the cell (not in the document, or undecidable).
   */
  async findSeries(metric: string, years: readonly number[], agencyIds?: readonly string[]): Promise<SeriesRow[]> {
    const records = (await this.dataSource.query(
      `SELECT a."id" AS "agency_id", a."name" AS "agency", r."name" AS "region", y."year",
              cv."value", cv."kind", rp."id" AS "report_id"
       FROM "agency" a
       LEFT JOIN "region" r ON r."id" = a."region_id"
       CROSS JOIN unnest($2::int[]) AS y("year")
       LEFT JOIN "report" rp ON rp."agency_id" = a."id" AND rp."year" = y."year" AND rp."current_version_id" IS NOT NULL
       LEFT JOIN "current_value" cv ON cv."key" = $1 AND cv."year" = y."year" AND cv."agency_id" = a."id"
       WHERE $3::uuid[] IS NULL OR a."id" = ANY($3::uuid[])
       ORDER BY r."name" NULLS LAST, a."name", y."year"`,
      [metric, years, agencyIds ?? null],
    )) as SeriesRecord[];
    return records.map((row) => ({
      agencyId: row.agency_id,
      agency: row.agency,
      region: row.region ?? '',
      year: row.year,
      value: row.value === null ? null : Number(row.value),
      kind: row.report_id === null ? 'missing' : (row.kind ?? 'unread'),
      reportId: row.report_id,
    }));
  }
}
