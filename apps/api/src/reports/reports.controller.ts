import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import type { ReportView } from '@nianbao/api-contract';
import { ReportError, ReportErrorCode } from './report.error';
import { ReportsService } from './reports.service';

const reportId = new ParseUUIDPipe({
  exceptionFactory: () => new ReportError(ReportErrorCode.NotFound, '找不到该年度报告'),
});

@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id')
  findOne(@Param('id', reportId) id: string): Promise<ReportView> {
    return this.reports.findOne(id);
  }
}
