import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';

export interface FigureTableProps {
  /** One sentence that says what the chart shows; always on screen. */
  summary: string;
  /** Every figure of the chart, one line each. */
  rows: string[];
}

/**
 * A chart's figures as text. The summary is always shown; the lines are read by screen readers always, shown on
 * 显示数据, and always shown in 长辈模式 (index.scss), where the chart itself gives way to them.
 */
export default function FigureTable({ summary, rows }: FigureTableProps) {
  const [open, setOpen] = useState(false);
  return (
    <View className="figures-text">
      <Text className="figures-text__summary">{summary}</Text>
      <View
        className={`figures-text__rows ${open ? '' : 'figures-text__rows--hidden'}`}
        ariaRole="list"
        data-testid="figure-rows"
      >
        {rows.map((row) => (
          <View key={row} className="figures-text__row" ariaRole="listitem">
            {row}
          </View>
        ))}
      </View>
      <Button
        className="figures-text__toggle"
        size="small"
        fill="outline"
        aria-hidden
        onClick={() => setOpen((o) => !o)}
      >
        {open ? '收起数据' : '显示数据'}
      </Button>
    </View>
  );
}
