import { useEffect, useRef } from 'react';
import type { Pen } from './draw';

export interface ChartCanvasProps {
  /** Unique on the page. */
  id: string;
  /** CSS pixels. */
  height: number;
  draw: (pen: Pen, width: number, height: number) => void;
}

/**
 * The browser's chart surface: a plain <canvas> sized for the screen's pixel ratio, drawn after each render.
 * Hidden from screen readers: the figures are in the text beside it.
 */
export default function ChartCanvas({ id, height, draw }: ChartCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const width = canvas.clientWidth || 343;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    const pen = canvas.getContext('2d');
    if (!pen) return;
    pen.scale(ratio, ratio);
    draw(pen, width, height);
  }, [height, draw]);
  return (
    <canvas
      ref={ref}
      id={id}
      className="figures-chart"
      style={{ width: '100%', height: `${height}px` }}
      aria-hidden="true"
    />
  );
}
