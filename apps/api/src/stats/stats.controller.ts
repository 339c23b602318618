import { Controller, Get, Query } from '@nestjs/common';
import type { SeriesResponse } from '@nianbao/api-contract';
import { SeriesQueryDto } from './dto/series-query.dto';
import { StatsService } from './stats.service';

@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('series')
  series(@Query() query: SeriesQueryDto): Promise<SeriesResponse> {
    return this.stats.series(query.metric, query.years, query.agencyIds);
  }
}
