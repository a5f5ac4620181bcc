import { onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  color: string;
  bars?: boolean;
  /** Draw each value as a dot too, so a lone bucket between gaps stays visible. */
  points?: boolean;
}

/** A uPlot time-series chart that follows its container's width. */
export function Chart(props: {
  title: string;
  x: number[];
  ys: (number | null)[][];
  series: ChartSeries[];
  unit?: string;
  /** Fixed x range in seconds (the whole window), instead of the data's first and last x. */
  xRange?: [number, number];
}) {
  let host!: HTMLDivElement;
  let plot: uPlot | undefined;
  onMount(() => {
    const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
    const axis = { stroke: '#8a8f98', grid: { stroke: 'rgba(138,143,152,0.2)' }, ticks: { show: false } };
    const options: uPlot.Options = {
      width: Math.max(280, host.clientWidth),
      height: 220,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: props.xRange ? { time: true, range: props.xRange } : { time: true } },
      axes: [
        axis,
        {
          ...axis,
          size: 56,
          values: (_u, ticks) => ticks.map((t) => `${t}${props.unit ?? ''}`),
        },
      ],
      series: [
        {},
        ...props.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          points: { show: s.points ?? false, size: 6 },
          ...(s.bars && bars ? { fill: `${s.color}55`, paths: bars } : {}),
        })),
      ],
    };
    plot = new uPlot(options, [props.x, ...props.ys] as uPlot.AlignedData, host);
    const observer = new ResizeObserver(() =>
      plot?.setSize({ width: Math.max(280, host.clientWidth), height: 220 }),
    );
    observer.observe(host);
    onCleanup(() => {
      observer.disconnect();
      plot?.destroy();
    });
  });
  return <figure class="chart" aria-label={props.title} ref={host} />;
}
