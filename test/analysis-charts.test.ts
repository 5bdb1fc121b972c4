import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { barChart } from '../src/analysis/bar-chart.ts';
import { chartTheme } from '../src/analysis/chart-theme.ts';
import { divergingColour } from '../src/analysis/diverging-colour.ts';
import { heatMapChart } from '../src/analysis/heat-map-chart.ts';
import { histogramChart } from '../src/analysis/histogram-chart.ts';
import { horizontalBarChart } from '../src/analysis/horizontal-bar-chart.ts';
import { niceTicks } from '../src/analysis/nice-ticks.ts';
import { renderPng } from '../src/analysis/render-png.ts';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/** A strict little XML reader: fails on unbalanced tags, stray '<' or '&', or two roots. */
function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, text: '', children: [] };
  const stack = [root];
  const tokens = source.trim().match(/<[^>]*>|[^<]+/g) ?? [];

  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (!token.startsWith('<')) {
      assert.not.match(token, /&(?!(amp|lt|gt|quot|apos);)/, `bad entity in ${token}`);
      top.text += token.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'").replace(/&amp;/g, '&');
      continue;
    }
    if (token.startsWith('</')) {
      const closed = stack.pop();
      assert.is(closed?.name, token.slice(2, -1).trim(), `closing ${token}`);
      continue;
    }
    const match = token.match(/^<([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>$/);
    assert.ok(match, `malformed tag ${token}`);
    const attributes = Object.fromEntries([...match[2].matchAll(/([\w:-]+)="([^"]*)"/g)]
      .map(([, key, value]) => [key, value]));
    const element = { name: match[1], attributes, text: '', children: [] };
    top.children.push(element);
    if (match[3] !== '/') stack.push(element);
  }

  assert.is(stack.length, 1, 'every element closed');
  assert.is(root.children.length, 1, 'one root element');
  return root.children[0];
}

function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) =>
    [...(child.name === name ? [child] : []), ...descendants(child, name)]);
}

const texts = (svg: XmlElement) => descendants(svg, 'text').map((node) => node.text);
const bars = (svg: XmlElement) =>
  descendants(svg, 'rect').filter((rect) => rect.attributes.fill === chartTheme.bar);

function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.is(png.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('bar chart: one bar per category, labels and values as text, XML-escaped', () => {
  const svg = parseXml(barChart({
    title: 'Ratings <by> "star" & more',
    bars: [{ label: '1', value: 10 }, { label: '2', value: 30 }, { label: '3', value: 1250 }],
    categoryLabel: 'Rating',
    valueLabel: 'Count',
  }));
  assert.is(svg.name, 'svg');
  assert.is(bars(svg).length, 3);
  assert.ok(texts(svg).includes('Ratings <by> "star" & more'));
  assert.ok(texts(svg).includes('1,250'));
  assert.ok(texts(svg).includes('Rating'));

  // Taller bar for the larger value: heights are proportional on one axis.
  const heights = bars(svg).map((rect) => Number(rect.attributes.height));
  assert.ok(Math.abs(heights[1] / heights[0] - 3) < 0.01, `heights ${heights}`);
});

test('horizontal bar chart: long labels widen the margin instead of being clipped', () => {
  const label = 'Dr. Strangelove or: How I Learned to Stop Worrying (1963)';
  const svg = parseXml(horizontalBarChart({
    title: 'Titles',
    bars: [{ label, value: 4.2 }, { label: 'Fargo (1996)', value: 4.1 }],
    axisLabel: 'Stars',
    domain: [1, 5],
    reference: { value: 3.5, label: 'all: 3.50' },
  }));
  assert.is(bars(svg).length, 2);
  assert.ok(texts(svg).includes(label));
  assert.ok(texts(svg).includes('all: 3.50'));

  const barStart = Number(bars(svg)[0].attributes.x);
  assert.ok(barStart > 57 * 0.55 * chartTheme.labelSize, `bars start at ${barStart}`);
  assert.ok(Number(svg.attributes.width) >= barStart + 300);
});

test('histogram: adjacent bins, each edge labelled while they fit', () => {
  const svg = parseXml(histogramChart({
    title: 'Ages',
    bins: [{ from: 10, to: 20, count: 3 }, { from: 20, to: 30, count: 5 },
      { from: 30, to: 40, count: 0 }],
    binLabel: 'Age',
    valueLabel: 'Users',
  }));
  const rects = bars(svg);
  assert.is(rects.length, 3);
  const end = Number(rects[0].attributes.x) + Number(rects[0].attributes.width);
  assert.ok(Math.abs(Number(rects[1].attributes.x) - end) <= 1.01, 'bins touch');
  for (const edge of ['10', '20', '30', '40']) assert.ok(texts(svg).includes(edge), edge);
});

test('heat map: a cell per value, nulls grey with a dash, a colour bar from -1 to 1', () => {
  const svg = parseXml(heatMapChart({
    title: 'Correlation',
    rows: ['Action', 'Drama'],
    columns: ['Action', 'Drama'],
    values: [[1, -0.5], [-0.5, null]],
    limit: 1,
    legendLabel: 'r',
  }));
  const cells = descendants(svg, 'rect').filter((rect) => rect.attributes.stroke === '#ffffff');
  assert.is(cells.length, 4);
  assert.is(cells[0].attributes.fill, '#67001f');
  assert.is(cells[3].attributes.fill, chartTheme.missing);
  assert.ok(texts(svg).includes('-0.50'));
  assert.ok(texts(svg).includes('–'));
  assert.ok(texts(svg).includes('-1.0') && texts(svg).includes('1.0'));
  assert.is(descendants(svg, 'stop').length, 11);
});

test('diverging colours: ends and middle of the scale, clamped outside it', () => {
  assert.is(divergingColour(-1), '#053061');
  assert.is(divergingColour(0), '#f7f7f7');
  assert.is(divergingColour(1), '#67001f');
  assert.is(divergingColour(7), '#67001f');
});

test('nice ticks are round numbers covering the range', () => {
  assert.equal(niceTicks(0, 800, 6), [0, 200, 400, 600, 800]);
  assert.equal(niceTicks(1, 5, 6), [1, 2, 3, 4, 5]);
  assert.equal(niceTicks(0, 0.3, 3), [0, 0.1, 0.2, 0.3]);
});

test('PNG: signature, twice the SVG size, and text actually drawn', () => {
  const spec = { title: 'Ratings', bars: [{ label: 'A', value: 1 }], categoryLabel: 'x',
    valueLabel: 'y' };
  const svg = barChart(spec);
  const root = parseXml(svg);
  const png = renderPng(svg);
  assert.equal(pngSize(png), {
    width: 2 * Number(root.attributes.width),
    height: 2 * Number(root.attributes.height),
  });

  // Without a usable font the renderer drops text silently: the PNG of the chart with its
  // labels must differ from the same chart with every text element removed.
  const textless = svg.replace(/<text[^>]*>[^<]*<\/text>/g, '');
  assert.is.not(textless.length, svg.length);
  assert.not.equal(renderPng(textless), png);
});

test.run();
