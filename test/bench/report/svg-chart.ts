/**
 * A small SVG line-chart renderer for the benchmark page: axes with ticks and grid, axis labels with units,
 * a title, a legend, one polyline per series and optional dashed reference lines (a ceiling, a target).
 * Output is deterministic (same input, same bytes) and self-contained (no scripts, no external fonts), so
 * the files can be committed next to docs/benchmarks.md and read on GitHub in light or dark mode.
 */

export interface ChartAxis {
  label: string;
  unit: string;
  /** Log scale for latencies that span decades; linear otherwise. */
  scale?: 'linear' | 'log';
  min?: number;
  max?: number;
}

export interface ChartSeries {
  name: string;
  points: ReadonlyArray<readonly [number, number]>;
  dashed?: boolean;
}

export interface ReferenceLine {
  /** A horizontal line at y = value (in `references`), a vertical one at x = value (in `markers`). */
  value: number;
  label: string;
}

export interface LineChart {
  title: string;
  x: ChartAxis;
  y: ChartAxis;
  series: readonly ChartSeries[];
  references?: readonly ReferenceLine[];
  /** Vertical lines marking moments on the x axis (end of warm-up, start of a phase). */
  markers?: readonly ReferenceLine[];
  width?: number;
  height?: number;
}

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000'];
const REFERENCE_COLOUR = '#D55E00';
const MARKER_COLOUR = '#777777';
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';
const MARGIN = { left: 76, right: 28, top: 46, bottom: 58 };
const LEGEND_ROW = 20;
const CHAR_WIDTH = 7; // rough width of a 12 px character, to lay out the legend

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Round numbers (1, 2 or 5 × 10^k apart) covering [min, max], about `target` of them. */
export function linearTicks(min: number, max: number, target = 6): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max))) return [];
  if (max <= min) max = min + 1;
  const raw = (max - min) / Math.max(1, target - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(min / step + 1e-9);
  const last = Math.max(first + 1, Math.ceil(max / step - 1e-9));
  const ticks: number[] = [];
  for (let k = first; k <= last && ticks.length <= 100; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** Decades covering [min, max] (min > 0); with 1, 2 and 5 multiples when the range spans four decades or fewer. */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0 && max > 0 && Number.isFinite(min) && Number.isFinite(max))) return [];
  const low = Math.floor(Math.log10(min) + 1e-9);
  const high = Math.max(low + 1, Math.ceil(Math.log10(max) - 1e-9));
  const multiples = high - low <= 4 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let power = low; power <= high; power++) {
    for (const m of multiples) {
      const value = Number((m * 10 ** power).toPrecision(12));
      if (power === high && m > 1) continue;
      ticks.push(value);
    }
  }
  return ticks;
}

/** Tick labels: 0.05, 0.5, 5, 50, 1,000, 20,000 — never scientific notation. */
export function formatTick(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
}

interface Scale {
  ticks: number[];
  /** Maps a data value to [0, 1] along the axis. */
  position(value: number): number;
}

function buildScale(axis: ChartAxis, values: number[]): Scale {
  if (axis.scale === 'log') {
    const positive = values.filter((v) => v > 0);
    const min = axis.min ?? (positive.length ? Math.min(...positive) : 1);
    const max = axis.max ?? (positive.length ? Math.max(...positive) : 10);
    const ticks = logTicks(min, max);
    const low = Math.log10(axis.min ?? ticks[0]!);
    const high = Math.log10(axis.max ?? ticks.at(-1)!);
    return {
      ticks: ticks.filter((t) => Math.log10(t) >= low - 1e-9 && Math.log10(t) <= high + 1e-9),
      position: (v) => (Math.log10(Math.max(v, 10 ** low)) - low) / (high - low || 1),
    };
  }
  const finite = values.filter(Number.isFinite);
  const min = axis.min ?? (finite.length ? Math.min(0, ...finite) : 0);
  const max = axis.max ?? (finite.length ? Math.max(...finite) : 1);
  const ticks = linearTicks(min, max);
  const low = axis.min ?? ticks[0]!;
  const high = axis.max ?? ticks.at(-1)!;
  return {
    ticks: ticks.filter((t) => t >= low - 1e-9 && t <= high + 1e-9),
    position: (v) => (v - low) / (high - low || 1),
  };
}

const round = (n: number) => Number(n.toFixed(1));

interface LegendItem {
  name: string;
  colour: string;
  dashed: boolean;
}

/** Lays legend items out in rows that fit `width`; returns SVG and the number of rows used. */
function renderLegend(items: LegendItem[], left: number, top: number, width: number): [string, number] {
  const parts: string[] = [];
  let x = left;
  let row = 0;
  for (const item of items) {
    const itemWidth = 34 + item.name.length * CHAR_WIDTH + 18;
    if (x + itemWidth > left + width && x > left) {
      x = left;
      row++;
    }
    const y = top + row * LEGEND_ROW;
    parts.push(
      `<line x1="${x}" y1="${y}" x2="${x + 26}" y2="${y}" stroke="${item.colour}" stroke-width="3"${item.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${x + 32}" y="${y + 4}" font-size="12" fill="#222">${escapeXml(item.name)}</text>`,
    );
    x += itemWidth;
  }
  return [parts.join('\n'), items.length ? row + 1 : 0];
}

export function renderLineChart(chart: LineChart): string {
  const width = chart.width ?? 760;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const legendItems: LegendItem[] = [
    ...chart.series.map((s, i) => ({
      name: s.name,
      colour: PALETTE[i % PALETTE.length]!,
      dashed: s.dashed === true,
    })),
    ...(chart.references ?? []).map((r) => ({ name: r.label, colour: REFERENCE_COLOUR, dashed: true })),
    ...(chart.markers ?? []).map((m) => ({ name: m.label, colour: MARKER_COLOUR, dashed: true })),
  ];
  const legendRows = renderLegend(legendItems, 0, 0, plotWidth)[1];
  const height = chart.height ?? 420 + Math.max(0, legendRows - 1) * LEGEND_ROW;
  const plotHeight = height - MARGIN.top - MARGIN.bottom - legendRows * LEGEND_ROW;
  const plotBottom = MARGIN.top + plotHeight;

  const xs = [
    ...chart.series.flatMap((s) => s.points.map(([x]) => x)),
    ...(chart.markers ?? []).map((m) => m.value),
  ];
  const ys = [
    ...chart.series.flatMap((s) => s.points.map(([, y]) => y)),
    ...(chart.references ?? []).map((r) => r.value),
  ];
  const xScale = buildScale(chart.x, xs);
  const yScale = buildScale(chart.y, ys);
  const px = (v: number) => round(MARGIN.left + Math.min(1, Math.max(0, xScale.position(v))) * plotWidth);
  const py = (v: number) => round(plotBottom - Math.min(1, Math.max(0, yScale.position(v))) * plotHeight);
  const axisTitle = (axis: ChartAxis) => escapeXml(axis.unit ? `${axis.label} (${axis.unit})` : axis.label);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title" ${FONT}>`,
    `<title id="chart-title">${escapeXml(chart.title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="26" font-size="15" font-weight="600" fill="#111">${escapeXml(chart.title)}</text>`,
  ];
  // Grid lines and tick labels.
  for (const tick of xScale.ticks) {
    const x = px(tick);
    out.push(
      `<line x1="${x}" y1="${MARGIN.top}" x2="${x}" y2="${plotBottom}" stroke="#e4e4e4" stroke-width="1"/>`,
      `<line x1="${x}" y1="${plotBottom}" x2="${x}" y2="${plotBottom + 5}" stroke="#444" stroke-width="1"/>`,
      `<text x="${x}" y="${plotBottom + 19}" font-size="11" fill="#333" text-anchor="middle">${escapeXml(formatTick(tick))}</text>`,
    );
  }
  for (const tick of yScale.ticks) {
    const y = py(tick);
    out.push(
      `<line x1="${MARGIN.left}" y1="${y}" x2="${MARGIN.left + plotWidth}" y2="${y}" stroke="#e4e4e4" stroke-width="1"/>`,
      `<line x1="${MARGIN.left - 5}" y1="${y}" x2="${MARGIN.left}" y2="${y}" stroke="#444" stroke-width="1"/>`,
      `<text x="${MARGIN.left - 9}" y="${round(y + 4)}" font-size="11" fill="#333" text-anchor="end">${escapeXml(formatTick(tick))}</text>`,
    );
  }
  // Axes and their titles.
  out.push(
    `<line x1="${MARGIN.left}" y1="${plotBottom}" x2="${MARGIN.left + plotWidth}" y2="${plotBottom}" stroke="#444" stroke-width="1"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${plotBottom}" stroke="#444" stroke-width="1"/>`,
    `<text x="${round(MARGIN.left + plotWidth / 2)}" y="${plotBottom + 40}" font-size="12" fill="#222" text-anchor="middle">${axisTitle(chart.x)}</text>`,
    `<text x="18" y="${round(MARGIN.top + plotHeight / 2)}" font-size="12" fill="#222" text-anchor="middle" transform="rotate(-90 18 ${round(MARGIN.top + plotHeight / 2)})">${axisTitle(chart.y)}</text>`,
  );
  // Reference lines, then the series on top.
  for (const reference of chart.references ?? []) {
    const y = py(reference.value);
    out.push(
      `<line x1="${MARGIN.left}" y1="${y}" x2="${MARGIN.left + plotWidth}" y2="${y}" stroke="${REFERENCE_COLOUR}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    );
  }
  for (const marker of chart.markers ?? []) {
    const x = px(marker.value);
    out.push(
      `<line x1="${x}" y1="${MARGIN.top}" x2="${x}" y2="${plotBottom}" stroke="${MARKER_COLOUR}" stroke-width="1.5" stroke-dasharray="3 4"/>`,
    );
  }
  chart.series.forEach((series, i) => {
    if (series.points.length === 0) return;
    const path = series.points.map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${px(x)} ${py(y)}`).join(' ');
    out.push(
      `<path d="${path}" fill="none" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="2" stroke-linejoin="round"${series.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
  });
  const [legend] = renderLegend(legendItems, MARGIN.left, plotBottom + 62, plotWidth);
  out.push(legend, '</svg>', '');
  return out.filter(Boolean).join('\n');
}
