export * from './chart-option';
export * from './echarts-modules';
export * from './escape-html';
export * from './series-bar-option';
export * from './series-csv';
export * from './series-table';
export * from './value-kind-labels';
