import { Text, View } from '@tarojs/components';
import { useCallback, type ReactNode } from 'react';
import { formatHours, formatRate } from '@/domain/display';
import type { Figures } from '@/domain/figures';
import { TICKET_CATEGORIES } from '@/domain/ticket';
import ChartCanvas from './charts/chart-canvas';
import { drawBars, drawColumns, drawLine, niceMax, PALETTE, type Pen } from './charts/draw';
import FigureTable from './figure-table';

type Draw = (pen: Pen, width: number, height: number) => void;

const monthName = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;
const shortMonth = (month: string) => `${Number(month.slice(5))}月`;
const weekName = (week: string) => `${Number(week.slice(5, 7))}月${Number(week.slice(8))}日`;
const shortWeek = (week: string) => `${Number(week.slice(5, 7))}/${Number(week.slice(8))}`;

function Section(props: {
  id: string;
  title: string;
  height: number;
  draw: Draw;
  legend?: ReactNode;
  summary: string;
  rows: string[];
}) {
  const { id, title, height, draw, legend, summary, rows } = props;
  return (
    <View className="app-section figures-section" data-testid={id}>
      <Text className="app-section__title">{title}</Text>
      <View className="figures-section__chart">
        <ChartCanvas id={id} height={height} draw={draw} />
        {legend}
      </View>
      <FigureTable summary={summary} rows={rows} />
    </View>
  );
}

export function Completion({ figures }: { figures: Figures }) {
  const { completion } = figures;
  const draw = useCallback<Draw>(
    (pen, width, height) =>
      drawBars(
        pen,
        { width, height },
        completion.map((c) => ({
          label: c.name,
          value: c.averagePercent,
          caption: `${c.averagePercent}%`,
        })),
        100,
      ),
    [completion],
  );
  const total = completion.reduce((s, c) => s + c.total, 0);
  const completed = completion.reduce((s, c) => s + c.completed, 0);
  return (
    <Section
      id="chart-completion"
      title="各类民生实事完成情况"
      height={completion.length * 28}
      draw={draw}
      summary={`${total} 项中已完成 ${completed} 项；各类的平均进度见条形。`}
      rows={completion.map(
        (c) => `${c.name}：${c.total} 项中已完成 ${c.completed} 项，平均进度 ${c.averagePercent}%`,
      )}
    />
  );
}

export function Weekly({ figures }: { figures: Figures }) {
  const { weeks } = figures;
  const draw = useCallback<Draw>(
    (pen, width, height) =>
      drawColumns(
        pen,
        { width, height },
        weeks.map((w) => ({
          label: shortWeek(w.week),
          parts: TICKET_CATEGORIES.map((c) => w.counts[c.code] ?? 0),
        })),
      ),
    [weeks],
  );
  const total = weeks.reduce((s, w) => s + w.total, 0);
  const busiest = weeks.reduce((a, b) => (b.total > a.total ? b : a), weeks[0]);
  const legend = (
    <View className="figures-legend" aria-hidden>
      {TICKET_CATEGORIES.map((c, i) => (
        <View key={c.code} className="figures-legend__item">
          <View className="figures-legend__chip" style={{ background: PALETTE[i] }} />
          <Text>{c.name}</Text>
        </View>
      ))}
    </View>
  );
  return (
    <Section
      id="chart-weeks"
      title="每周诉求量（近 12 个月，按类别）"
      height={200}
      draw={draw}
      legend={legend}
      summary={
        total === 0
          ? '近 12 个月还没有收到诉求。'
          : `近 52 周共收到 ${total} 件；最多的是 ${weekName(busiest.week)}起的一周，${busiest.total} 件。`
      }
      rows={weeks.map((w) => {
        const parts = TICKET_CATEGORIES.filter((c) => w.counts[c.code]).map(
          (c) => `${c.name} ${w.counts[c.code]} 件`,
        );
        return `${weekName(w.week)}起的一周：${w.total} 件${parts.length ? `（${parts.join('、')}）` : ''}`;
      })}
    />
  );
}

export function Closure({ figures }: { figures: Figures }) {
  const { months } = figures;
  const drawRate = useCallback<Draw>(
    (pen, width, height) =>
      drawLine(
        pen,
        { width, height },
        months.map((m) => ({ label: shortMonth(m.month), value: m.closureRate })),
        { max: 1, format: (n) => `${Math.round(n * 100)}%` },
      ),
    [months],
  );
  const drawHours = useCallback<Draw>(
    (pen, width, height) => {
      const hours = months.map((m) => m.medianHoursToClose ?? 0);
      drawLine(
        pen,
        { width, height },
        months.map((m) => ({ label: shortMonth(m.month), value: m.medianHoursToClose })),
        {
          max: niceMax(Math.max(0, ...hours)),
          format: (n) => `${Math.round(n)}h`,
          color: PALETTE[1],
        },
      );
    },
    [months],
  );
  const latest = months[months.length - 1];
  return (
    <Section
      id="chart-closure"
      title="每月办结率与办结用时"
      height={160}
      draw={drawRate}
      legend={
        <View className="figures-section__second">
          <Text className="app-muted">办结用时（中位数，小时）</Text>
          <ChartCanvas id="chart-hours" height={140} draw={drawHours} />
        </View>
      }
      summary={`${monthName(latest.month)}收到的诉求办结率 ${formatRate(latest.closureRate)}，当月办结的用时中位数 ${formatHours(latest.medianHoursToClose)}。`}
      rows={months.map(
        (m) =>
          `${monthName(m.month)}：收到 ${m.filed} 件，已办结 ${m.closed} 件，办结率 ${formatRate(m.closureRate)}；办结用时中位数 ${formatHours(m.medianHoursToClose)}`,
      )}
    />
  );
}

export function Satisfaction({ figures }: { figures: Figures }) {
  const { months } = figures;
  const draw = useCallback<Draw>(
    (pen, width, height) =>
      drawLine(
        pen,
        { width, height },
        months.map((m) => ({ label: shortMonth(m.month), value: m.satisfactionRate })),
        { max: 1, format: (n) => `${Math.round(n * 100)}%`, color: PALETTE[2] },
      ),
    [months],
  );
  const rated = months.reduce((s, m) => s + m.rated, 0);
  const satisfied = months.reduce((s, m) => s + m.satisfied, 0);
  return (
    <Section
      id="chart-satisfaction"
      title="每月满意率"
      height={160}
      draw={draw}
      summary={`近 12 个月评价 ${rated} 次，满意和基本满意 ${satisfied} 次。`}
      rows={months.map(
        (m) =>
          `${monthName(m.month)}：评价 ${m.rated} 次，满意 ${m.satisfied} 次，满意率 ${formatRate(m.satisfactionRate)}`,
      )}
    />
  );
}

export function Districts({ figures }: { figures: Figures }) {
  const { districts } = figures;
  const max = niceMax(Math.max(0, ...districts.map((d) => d.filed)));
  const draw = useCallback<Draw>(
    (pen, width, height) =>
      drawBars(
        pen,
        { width, height },
        districts.map((d) => ({ label: d.district, value: d.filed, caption: `${d.filed} 件` })),
        max,
      ),
    [districts, max],
  );
  const most = districts.reduce((a, b) => (b.filed > a.filed ? b : a), districts[0]);
  return (
    <Section
      id="chart-districts"
      title="各区县诉求量（近 12 个月）"
      height={districts.length * 28}
      draw={draw}
      summary={
        most.filed ? `最多的是${most.district}，${most.filed} 件。` : '近 12 个月还没有收到诉求。'
      }
      rows={districts.map((d) => `${d.district}：${d.filed} 件`)}
    />
  );
}
