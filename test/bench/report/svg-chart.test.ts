import { describe, expect, it } from 'vitest';
import { escapeXml, formatTick, linearTicks, logTicks, renderLineChart } from './svg-chart.ts';

/**
 * A strict-enough XML well-formedness check for the renderer's output: one root element, every tag
 * closed in order, attributes quoted, no raw `<` or stray `&` in text.
 */
function checkWellFormed(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const match of xml.matchAll(token)) {
    const [, closing, name, , selfClosing, text, strayLt] = match;
    if (strayLt) problems.push(`unparsable markup at ${match.index}`);
    else if (text !== undefined) {
      if (stack.length === 0 && text.trim()) problems.push('text outside the root element');
      if (/&(?!(amp|lt|gt|quot|#\d+);)/.test(text)) problems.push(`unescaped & in ${JSON.stringify(text)}`);
    } else if (closing) {
      if (stack.pop() !== name) problems.push(`</${name}> closes the wrong element`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name!);
    }
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

const chart = renderLineChart({
  title: 'W1 latency <CDF> & more',
  x: { label: 'latency', unit: 'ms', scale: 'log' },
  y: { label: 'fraction of requests ≤ latency', unit: '', min: 0, max: 1 },
  series: [
    {
      name: 'direct',
      points: [
        [0.4, 0.1],
        [0.8, 0.5],
        [3, 1],
      ],
    },
    {
      name: 'bare passthrough',
      points: [
        [1, 0.1],
        [2, 0.5],
        [9, 1],
      ],
    },
    {
      name: 'stronk proxy "bundle"',
      points: [
        [5, 0.1],
        [12, 0.5],
        [80, 1],
      ],
      dashed: true,
    },
  ],
  references: [{ value: 0.95, label: 'p95' }],
});

describe('renderLineChart', () => {
  it('produces one well-formed <svg> element with a white background', () => {
    expect(checkWellFormed(chart)).toEqual([]);
    expect(chart.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(chart).toContain('fill="#ffffff"');
  });

  it('labels the axes with their units, escapes the title and lists every series in the legend', () => {
    expect(chart).toContain('>latency (ms)</text>');
    expect(chart).toContain('>fraction of requests ≤ latency</text>');
    expect(chart).toContain('<title id="chart-title">W1 latency &lt;CDF&gt; &amp; more</title>');
    for (const name of ['direct', 'bare passthrough', 'stronk proxy &quot;bundle&quot;', 'p95'])
      expect(chart).toContain(`>${name}</text>`);
  });

  it('draws one path per series inside the plot area, dashed where asked', () => {
    const paths = [...chart.matchAll(/<path d="([^"]+)"[^>]*>/g)];
    expect(paths).toHaveLength(3);
    expect(paths[2]![0]).toContain('stroke-dasharray');
    const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(chart)!.map(Number);
    for (const [, d] of paths) {
      for (const [, x, y] of d!.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)) {
        expect(Number(x)).toBeGreaterThanOrEqual(0);
        expect(Number(x)).toBeLessThanOrEqual(width!);
        expect(Number(y)).toBeGreaterThanOrEqual(0);
        expect(Number(y)).toBeLessThanOrEqual(height!);
      }
    }
  });

  it('puts log-scale ticks on the decades around the data', () => {
    for (const label of ['0.1', '1', '10', '100']) expect(chart).toContain(`>${label}</text>`);
    expect(chart).not.toContain('>1,000</text>');
  });

  it('renders the same bytes for the same input and survives a series without points', () => {
    const spec = {
      title: 'RSS',
      x: { label: 'time', unit: 's' },
      y: { label: 'RSS', unit: 'MiB' },
      series: [
        { name: 'proxy', points: [] },
        {
          name: 'bare',
          points: [
            [0, 50],
            [10, 52],
          ] as Array<[number, number]>,
        },
      ],
    };
    expect(renderLineChart(spec)).toBe(renderLineChart(spec));
    expect(checkWellFormed(renderLineChart(spec))).toEqual([]);
    expect(renderLineChart(spec).match(/<path /g)).toHaveLength(1);
  });
});

describe('markers', () => {
  it('draws a dashed vertical line at each marked x and names it in the legend', () => {
    const svg = renderLineChart({
      title: 'RSS',
      x: { label: 'time', unit: 's' },
      y: { label: 'RSS', unit: 'MiB' },
      series: [
        {
          name: 'proxy',
          points: [
            [0, 100],
            [100, 120],
          ],
        },
      ],
      markers: [{ value: 50, label: 'end of warm-up' }],
    });
    expect(checkWellFormed(svg)).toEqual([]);
    const vertical = [
      ...svg.matchAll(/<line x1="([\d.]+)" y1="[\d.]+" x2="([\d.]+)"[^>]*stroke-dasharray="3 4"/g),
    ];
    expect(vertical).toHaveLength(1);
    expect(vertical[0]![1]).toBe(vertical[0]![2]);
    expect(svg).toContain('>end of warm-up</text>');
  });
});

describe('ticks', () => {
  it('linear ticks are round steps that cover the range', () => {
    expect(linearTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(0, 437)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(linearTicks(130, 171)).toEqual([130, 140, 150, 160, 170, 180]);
  });

  it('log ticks are decades only when the range is wide', () => {
    expect(logTicks(0.3, 4000)).toEqual([0.1, 1, 10, 100, 1000, 10000]);
    expect(logTicks(3, 40)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(logTicks(0, 10)).toEqual([]);
  });

  it('tick labels never use scientific notation', () => {
    expect(formatTick(0.001)).toBe('0.001');
    expect(formatTick(20_000)).toBe('20,000');
    expect(formatTick(0.30000000000000004)).toBe('0.3');
  });

  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  });
});
