import type { ValueTransformer } from 'typeorm';

/** pg returns numeric as a string to keep precision; report values are small enough for a JS number. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
