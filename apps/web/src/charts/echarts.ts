import { CHART_MODULES } from '@nianbao/report-charts';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/** Registers, once for the whole app, only the ECharts modules our chart options use. */
use([...CHART_MODULES, CanvasRenderer]);
