import { Injectable } from '@nestjs/common';
import type { ReportView } from '@nianbao/api-contract';
import { ReportsRepository } from '@nianbao/persistence';
import { ReportError, ReportErrorCode } from './report.error';

@Injectable()
export class ReportsService {
  constructor(private readonly reports: ReportsRepository) {}

  async findOne(id: string): Promise<ReportView> {
    const report = await this.reports.findReportView(id);
    if (!report) throw new ReportError(ReportErrorCode.NotFound, '找不到该年度报告');
    return report;
  }
}
