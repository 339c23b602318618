import { Injectable, Logger } from '@nestjs/common';
import type { AgencyKind } from '@nianbao/api-contract';
import { AgenciesRepository, UploadsRepository } from '@nianbao/persistence';
import { createHash } from 'node:crypto';
import { UploadsService } from '../uploads/uploads.service';
import { demoReportText } from './demo-report-text';
import { EMPTY_CARRY, demoValues, type DemoCarry } from './demo-values';

export const DEMO_REGION = '演示市';
export const DEMO_YEARS = [2021, 2022, 2023, 2024] as const;

interface DemoBody {
  name: string;
  body: string;
  kind: AgencyKind;
  /** Years the body reported; the others stay `missing`. */
  years: readonly number[];
  /** A year whose table 三 does not balance, so that findings show. */
  brokenYear?: number;
}

const DEMO_BODIES: readonly DemoBody[] = [
  { name: '东关镇', body: '东关镇人民政府', kind: 'town', years: DEMO_YEARS },
  { name: '西岭乡', body: '西岭乡人民政府', kind: 'township', years: DEMO_YEARS, brokenYear: 2023 },
  { name: '南湖街道', body: '南湖街道办事处', kind: 'subdistrict', years: [2022, 2023, 2024] },
  { name: '北山乡', body: '北山乡人民政府', kind: 'township', years: [2021, 2023, 2024] },
  { name: '青石镇', body: '青石镇人民政府', kind: 'town', years: DEMO_YEARS },
];

export interface DemoSeedSummary {
  agencies: number;
  /** Uploads enqueued by this run; 0 when the demo data was there already. */
  enqueued: number;
  skipped: number;
}

/**
 * Registers the demo city (演示市 and its 乡/镇/街道, marked is_demo) and uploads their generated reports through
 * the same path as a person's upload, so the worker parses them. Idempotent: a second run finds every body and
 * every report (by content) and adds nothing.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly agencies: AgenciesRepository,
    private readonly uploads: UploadsRepository,
    private readonly uploadsService: UploadsService,
  ) {}

  async seed(): Promise<DemoSeedSummary> {
    const summary: DemoSeedSummary = { agencies: 0, enqueued: 0, skipped: 0 };
    await this.agencies.findOrCreateRegion({ name: DEMO_REGION, level: 'city', isDemo: true });
    for (const [index, demo] of DEMO_BODIES.entries()) {
      const { agency } = await this.agencies.findOrRegister({
        name: demo.body,
        kind: demo.kind,
        regionName: DEMO_REGION,
        isDemo: true,
      });
      summary.agencies += 1;
      let carry: DemoCarry = EMPTY_CARRY;
      for (const year of DEMO_YEARS) {
        const generated = demoValues(index * 100 + year, carry, demo.brokenYear === year);
        carry = generated.carry;
        if (!demo.years.includes(year)) continue;
        const text = demoReportText({ region: DEMO_REGION, name: demo.name, body: demo.body, year, values: generated.values });
        const buffer = Buffer.from(text, 'utf-8');
        if (await this.uploads.existsDemoWithSha256(createHash('sha256').update(buffer).digest('hex'))) {
          summary.skipped += 1;
          continue;
        }
        await this.uploadsService.acceptBuffers(
          [{ originalname: `${DEMO_REGION}${demo.name}${year}年政府信息公开工作年度报告.txt`, mimetype: 'text/plain', buffer }],
          { agencyId: agency.id, year, isDemo: true },
        );
        summary.enqueued += 1;
      }
    }
    this.logger.log(
      `demo seed: ${summary.agencies} bodies in ${DEMO_REGION}, ${summary.enqueued} reports enqueued, ${summary.skipped} already there`,
    );
    return summary;
  }
}
