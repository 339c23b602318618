import { Injectable } from '@nestjs/common';
import type { SeriesResponse } from '@nianbao/api-contract';
import { cellLabel, isKnownKey } from '@nianbao/report-format';
import { StatsRepository } from '@nianbao/persistence';
import { StatsError, StatsErrorCode } from './stats.error';

@Injectable()
export class StatsService {
  constructor(private readonly stats: StatsRepository) {}

  /** One metric for every registered body (or the chosen ones) and requested year. */
  async series(metric: string, years: readonly number[], agencyIds?: readonly string[]): Promise<SeriesResponse> {
    if (!isKnownKey(metric)) {
      throw new StatsError(StatsErrorCode.UnknownMetric, `未知的统计指标「${metric.slice(0, 100)}」`);
    }
    const distinctYears = [...new Set(years)].sort((a, b) => a - b);
    const rows = await this.stats.findSeries(metric, distinctYears, agencyIds);
    return { metric, label: cellLabel(metric), years: distinctYears, rows };
  }
}
