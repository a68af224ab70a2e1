/**
 * Three small charts drawn on a 2D canvas, the same on weapp (Canvas type="2d") and H5 (<canvas>): horizontal bars,
 * stacked columns and a line. Sizes are in CSS pixels; the canvas is scaled for the screen before drawing. Charts
 * never carry their figures alone: each has a text table beside it (see ../figure-table.tsx).
 */
export interface Pen {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(): void;
}

export interface Size {
  width: number;
  height: number;
}

const TEXT = '#1f2329';
const MUTED = '#5c6066';
const GRID = '#e5e6eb';
const FONT = '12px sans-serif';

/** Ten colours told apart by most people, in the order of the categories. */
export const PALETTE = [
  '#1f6feb',
  '#e8590c',
  '#2f9e44',
  '#c2255c',
  '#7048e8',
  '#0c8599',
  '#a61e4d',
  '#5c940d',
  '#d9480f',
  '#495057',
];

function text(pen: Pen, value: string, x: number, y: number, align = 'left', color = MUTED) {
  pen.fillStyle = color;
  pen.font = FONT;
  pen.textAlign = align;
  pen.textBaseline = 'middle';
  pen.fillText(value, x, y);
}

function hLine(pen: Pen, x1: number, x2: number, y: number) {
  pen.strokeStyle = GRID;
  pen.lineWidth = 1;
  pen.beginPath();
  pen.moveTo(x1, y);
  pen.lineTo(x2, y);
  pen.stroke();
}

/** A max that makes round gridlines: 1, 2 or 5 times a power of ten, at least `value`. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value) ?? 10 * power;
}

export interface Bar {
  label: string;
  value: number;
  /** What the bar's end says, e.g. "3/8 项". */
  caption: string;
}

/** Horizontal bars, one row each: the label, the bar against `max`, the caption. */
export function drawBars(pen: Pen, { width, height }: Size, bars: Bar[], max: number): void {
  pen.clearRect(0, 0, width, height);
  if (bars.length === 0) return;
  const row = height / bars.length;
  const left = 100;
  const right = 64;
  const track = Math.max(10, width - left - right);
  bars.forEach((bar, i) => {
    const y = i * row + row / 2;
    text(pen, bar.label, left - 8, y, 'right', TEXT);
    pen.fillStyle = GRID;
    pen.fillRect(left, y - 7, track, 14);
    pen.fillStyle = PALETTE[0];
    pen.fillRect(left, y - 7, (track * Math.min(bar.value, max)) / (max || 1), 14);
    text(pen, bar.caption, left + track + 6, y);
  });
}

export interface Column {
  label: string;
  parts: number[];
}

const AXIS = { left: 36, right: 8, top: 8, bottom: 22 };

/** Gridlines at 0, half and the max, with their figures on the left. */
function grid(pen: Pen, { width, height }: Size, max: number, format: (n: number) => string) {
  const bottom = height - AXIS.bottom;
  for (const share of [0, 0.5, 1]) {
    const y = bottom - share * (bottom - AXIS.top);
    hLine(pen, AXIS.left, width - AXIS.right, y);
    text(pen, format(max * share), AXIS.left - 4, y, 'right');
  }
}

/** Labels under the x axis: the last one, and every `every`-th one that keeps clear of it. */
function xLabels(pen: Pen, { width, height }: Size, labels: string[], xOf: (i: number) => number) {
  const every = Math.max(1, Math.ceil(labels.length / 6));
  const last = labels.length - 1;
  const y = height - AXIS.bottom / 2;
  labels.forEach((label, i) => {
    if (i === last) text(pen, label, width - AXIS.right, y, 'right');
    else if (i % every === 0 && last - i >= every) text(pen, label, xOf(i), y, 'center');
  });
}

/** Stacked columns: each column's parts in the palette's order, with gridlines and x labels. */
export function drawColumns(pen: Pen, size: Size, columns: Column[]): void {
  const { width, height } = size;
  pen.clearRect(0, 0, width, height);
  const max = niceMax(Math.max(0, ...columns.map((c) => c.parts.reduce((a, b) => a + b, 0))));
  grid(pen, size, max, (n) => (Number.isInteger(n) ? String(n) : n.toFixed(1)));
  const span = (width - AXIS.left - AXIS.right) / Math.max(1, columns.length);
  const bottom = height - AXIS.bottom;
  const scale = (bottom - AXIS.top) / max;
  columns.forEach((column, i) => {
    let y = bottom;
    column.parts.forEach((value, k) => {
      pen.fillStyle = PALETTE[k % PALETTE.length];
      pen.fillRect(
        AXIS.left + i * span + span * 0.15,
        y - value * scale,
        span * 0.7,
        value * scale,
      );
      y -= value * scale;
    });
  });
  xLabels(
    pen,
    size,
    columns.map((c) => c.label),
    (i) => AXIS.left + (i + 0.5) * span,
  );
}

export interface Point {
  label: string;
  /** null: nothing to measure in that period (a gap in the line). */
  value: number | null;
}

/** A line over the periods, with a dot at each figure and a gap where there is none. */
export function drawLine(
  pen: Pen,
  size: Size,
  points: Point[],
  {
    max,
    format,
    color = PALETTE[0],
  }: { max: number; format: (n: number) => string; color?: string },
): void {
  const { width, height } = size;
  pen.clearRect(0, 0, width, height);
  grid(pen, size, max, format);
  const span = (width - AXIS.left - AXIS.right) / Math.max(1, points.length);
  const bottom = height - AXIS.bottom;
  const xOf = (i: number) => AXIS.left + (i + 0.5) * span;
  const yOf = (v: number) => bottom - (Math.min(v, max) / (max || 1)) * (bottom - AXIS.top);
  pen.strokeStyle = color;
  pen.lineWidth = 2;
  let drawing = false;
  pen.beginPath();
  points.forEach((p, i) => {
    if (p.value === null) {
      drawing = false;
      return;
    }
    if (drawing) pen.lineTo(xOf(i), yOf(p.value));
    else pen.moveTo(xOf(i), yOf(p.value));
    drawing = true;
  });
  pen.stroke();
  pen.fillStyle = color;
  points.forEach((p, i) => {
    if (p.value === null) return;
    pen.beginPath();
    pen.arc(xOf(i), yOf(p.value), 3, 0, Math.PI * 2);
    pen.fill();
  });
  xLabels(
    pen,
    size,
    points.map((p) => p.label),
    xOf,
  );
}
