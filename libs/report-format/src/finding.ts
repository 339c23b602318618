export type Severity = 'error' | 'warning' | 'info';

/**
 * `failed`: the rule could be checked and does not hold. `not_assessable`: an operand is blank, n/a or text, so the
 * rule cannot be checked; it is not a pass. `flagged`: a fact about the document (missing table, blank cell, …).
 */
export type FindingStatus = 'failed' | 'not_assessable' | 'flagged';

export interface Finding {
  /** Stable rule code from the spec, e.g. `R3.balance.total`, `V.blank_cell`. */
  rule: string;
  severity: Severity;
  status: FindingStatus;
  /** Canonical keys of the cells involved. */
  cells: string[];
  expected?: number | null;
  actual?: number | null;
  /** Chinese message for people. */
  message: string;
}
