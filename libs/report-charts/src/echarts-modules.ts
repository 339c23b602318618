import { BarChart } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';

/**
 * The ECharts modules the options of this library need. Register them once with `use([...CHART_MODULES,
 * <renderer>])` from `echarts/core`: the canvas renderer in the browser, the SVG renderer for server-side export.
 */
export const CHART_MODULES = [
  BarChart,
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
];
