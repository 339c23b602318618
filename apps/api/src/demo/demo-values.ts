import { APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_COLUMNS, REQUEST_ROWS_2021, requestOutcomeRows } from '@nianbao/report-format';

const APPLICANTS = REQUEST_COLUMNS.map((c) => c.key).filter((key) => key !== 'total');
const OUTCOMES = requestOutcomeRows('2021').map((r) => r.key);
/** Outcomes a demo spreads requests over; every other outcome row stays 0. */
const USED_OUTCOMES = ['granted', 'partially_granted', 'unable.not_held', 'not_processed.duplicate'];

/** What one year hands to the next: requests carried forward (per applicant column) and documents in force. */
export interface DemoCarry {
  requests: Readonly<Record<string, number>>;
  normativeDocsInForce: number;
}

export const EMPTY_CARRY: DemoCarry = {
  requests: Object.fromEntries(APPLICANTS.map((a) => [a, 0])),
  normativeDocsInForce: 4,
};

/** A small deterministic generator (mulberry32), so the same seed always gives the same report. */
function generator(seed: number): (max: number) => number {
  let state = seed >>> 0;
  return (max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(unit * (max + 1));
  };
}

/**
 * Every value of a format-2021 report, varied from the seed and consistent: R3 and R4 hold, last year's carried
 * forward requests are this year's carried over, documents in force follow issued and repealed. With
 * `breakBalance`, table 三's total handled is one too many, so the R3 rules fail and findings show.
 */
export function demoValues(
  seed: number,
  carry: DemoCarry,
  breakBalance = false,
): { values: Record<string, number>; carry: DemoCarry } {
  const random = generator(seed);
  const values: Record<string, number> = {};

  const issued = random(3);
  const repealed = Math.min(random(1), carry.normativeDocsInForce);
  const inForce = carry.normativeDocsInForce + issued - repealed;
  Object.assign(values, {
    'proactive.rules.issued': 0,
    'proactive.rules.repealed': 0,
    'proactive.rules.in_force': 0,
    'proactive.normative_docs.issued': issued,
    'proactive.normative_docs.repealed': repealed,
    'proactive.normative_docs.in_force': inForce,
    'proactive.licensing.decisions': 20 + random(180),
    'proactive.penalty.decisions': random(40),
    'proactive.enforcement.decisions': random(5),
    'proactive.fees.amount': 0,
  });

  for (const row of REQUEST_ROWS_2021) for (const applicant of APPLICANTS) values[`requests.${row.key}.${applicant}`] = 0;
  const forward: Record<string, number> = {};
  for (const applicant of APPLICANTS) {
    const received = applicant === 'natural_person' ? random(12) : applicant === 'commercial' ? random(3) : random(4) === 4 ? 1 : 0;
    const carriedOver = carry.requests[applicant] ?? 0;
    const open = received + carriedOver;
    forward[applicant] = Math.min(open, random(3) === 3 ? 1 : 0);
    let handled = open - forward[applicant];
    values[`requests.new_received.${applicant}`] = received;
    values[`requests.carried_over.${applicant}`] = carriedOver;
    values[`requests.carried_forward.${applicant}`] = forward[applicant];
    values[`requests.total_handled.${applicant}`] = handled;
    for (const outcome of USED_OUTCOMES.slice(1)) {
      const share = Math.min(handled, random(2) === 2 ? 1 : 0);
      values[`requests.${outcome}.${applicant}`] = share;
      handled -= share;
    }
    values[`requests.granted.${applicant}`] = handled;
  }
  for (const row of REQUEST_ROWS_2021) {
    values[`requests.${row.key}.total`] = APPLICANTS.reduce((sum, a) => sum + values[`requests.${row.key}.${a}`], 0);
  }
  if (OUTCOMES.some((o) => values[`requests.${o}.total`] === undefined)) throw new Error('demo outcome rows incomplete');

  for (const group of APPEAL_GROUPS) {
    for (const column of APPEAL_COLUMNS) values[`appeals.${group.key}.${column.key}`] = 0;
  }
  values['appeals.review.upheld'] = random(2);
  values['appeals.review.pending'] = random(3) === 3 ? 1 : 0;
  values['appeals.review.total'] = values['appeals.review.upheld'] + values['appeals.review.pending'];
  values['appeals.litigation_direct.upheld'] = random(4) === 4 ? 1 : 0;
  values['appeals.litigation_direct.total'] = values['appeals.litigation_direct.upheld'];

  if (breakBalance) values['requests.total_handled.total'] += 1;
  return { values, carry: { requests: forward, normativeDocsInForce: inForce } };
}
