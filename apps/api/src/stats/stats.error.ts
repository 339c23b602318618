export enum StatsErrorCode {
  UnknownMetric = 'unknown_metric',
}

export class StatsError extends Error {
  constructor(
    readonly code: StatsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StatsError';
  }
}
