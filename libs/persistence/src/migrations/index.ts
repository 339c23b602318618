import { InitialSchema1796000000000 } from './1796000000000-initial-schema';

/** Every migration in order, listed explicitly (no globs). */
export const MIGRATIONS = [InitialSchema1796000000000];
