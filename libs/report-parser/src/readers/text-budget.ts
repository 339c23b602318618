import { ParseError, ParseErrorCode } from '../errors';

/** Counts the characters (and grid slots) a reader produces and stops it once the document passes the limit. */
export class TextBudget {
  private used = 0;

  constructor(private readonly limit: number) {}

  spend(amount: number): void {
    this.used += amount;
    if (this.used > this.limit) {
      throw new ParseError(
        ParseErrorCode.TooLarge,
        '文件包含的文字过多，超过允许的上限',
        `more than ${this.limit} characters or table slots`,
      );
    }
  }
}
