export enum ConfigErrorCode {
  Missing = 'config_missing',
  Invalid = 'config_invalid',
}

/** A setting is absent or malformed; the process must not start. */
export class ConfigError extends Error {
  constructor(
    readonly code: ConfigErrorCode,
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}
