import type { Finding } from '@nianbao/report-format';
import { agencyNameMatches } from '@nianbao/persistence';

export interface Declaration {
  year: number | null;
  agency: { name: string; aliases: readonly string[]; region: string | null } | null;
}

/** X.year / X.agency: what the uploader declared against what the report itself says. */
export function declarationFindings(
  declared: Declaration,
  read: { year: number | null; agency: string | null },
): Finding[] {
  const findings: Finding[] = [];
  if (declared.year !== null && read.year !== null && declared.year !== read.year) {
    findings.push({
      rule: 'X.year',
      severity: 'error',
      status: 'failed',
      cells: [],
      expected: declared.year,
      actual: read.year,
      message: `上传时填写的年度为 ${declared.year} 年，报告中写的是 ${read.year} 年`,
    });
  }
  if (declared.agency && read.agency && !agencyNameMatches(read.agency, declared.agency, declared.agency.region)) {
    findings.push({
      rule: 'X.agency',
      severity: 'error',
      status: 'failed',
      cells: [],
      message: `上传时选择的单位为「${declared.agency.name}」，报告中写的是「${read.agency}」`,
    });
  }
  return findings;
}
