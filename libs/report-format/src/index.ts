export * from './cell';
export * from './finding';
export * from './labels';
export * from './parsed-report';
export * from './rules';
export * from './sections';
export * from './table-layouts';
