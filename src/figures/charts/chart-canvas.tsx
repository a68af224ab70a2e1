import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { Pen } from './draw';

export interface ChartCanvasProps {
  /** Unique on the page: the canvas is found by it. */
  id: string;
  /** CSS pixels. */
  height: number;
  draw: (pen: Pen, width: number, height: number) => void;
}

/**
 * The mini-program's chart surface: a Canvas of type 2d, found by a selector query once it is on screen, sized for
 * the screen's pixel ratio, then drawn. Hidden from screen readers: the figures are in the text beside it.
 */
export default function ChartCanvas({ id, height, draw }: ChartCanvasProps) {
  useEffect(() => {
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result: Array<{ node?: HTMLCanvasElement; width: number; height: number }>) => {
          const found = result[0];
          const canvas = found?.node;
          const pen = canvas?.getContext('2d');
          if (!canvas || !pen) return;
          const ratio = Taro.getSystemInfoSync().pixelRatio || 2;
          canvas.width = found.width * ratio;
          canvas.height = found.height * ratio;
          pen.scale(ratio, ratio);
          draw(pen, found.width, found.height);
        });
    });
  }, [id, draw]);
  return (
    <Canvas
      type="2d"
      id={id}
      className="figures-chart"
      style={{ width: '100%', height: `${height}px` }}
      aria-hidden
    />
  );
}
