import { View, Text } from '@tarojs/components';
import type { CommitmentStats } from '@/domain/stats';
import { commitmentStatusName, VERDICTS } from '@/domain/status';
import { statusColor } from '@/components/commitment-status-tag';
import { FOCUSABLE } from '@/components/focusable';
import type { PendingFilter } from '@/services/pending-filter';

export interface ScorecardProps {
  commitments: CommitmentStats;
  /** Opens the list filtered to what was tapped. */
  onOpen: (filter: PendingFilter) => void;
}

/**
 * The year's scorecard, once the deadlines have passed: how many promises were kept on time, kept late, not kept or
 * never reported, overall and per category. Each figure opens the list of those promises; each carries its name, so
 * colour is never the only signal.
 */
export default function Scorecard({ commitments, onOpen }: ScorecardProps) {
  return (
    <View className="app-section scorecard" data-testid="scorecard">
      <Text className="app-section__title">承诺兑现成绩单 · {commitments.total} 项承诺</Text>
      <View className="scorecard__verdicts">
        {VERDICTS.map((code) => (
          <View
            key={code}
            className="scorecard__verdict"
            style={{ borderColor: statusColor(code) }}
            ariaRole="button"
            {...FOCUSABLE}
            data-testid={`verdict-${code}`}
            onClick={() => onOpen({ status: code })}
          >
            <Text className="scorecard__number" style={{ color: statusColor(code) }}>
              {commitments.counts[code]}
            </Text>
            <Text className="scorecard__name">{commitmentStatusName(code)}</Text>
          </View>
        ))}
      </View>

      <View className="scorecard__categories" ariaRole="list">
        {commitments.byCategory.map((c) => (
          <View
            key={c.category}
            className="scorecard__category"
            ariaRole="listitem"
            ariaLabel={`${c.name}，${c.total} 项：${VERDICTS.map((v) => `${commitmentStatusName(v)} ${c.counts[v]}`).join('，')}`}
          >
            <Text className="scorecard__category-name">{c.name}</Text>
            <View className="scorecard__category-counts">
              {VERDICTS.filter((v) => c.counts[v] > 0).map((v) => (
                <View
                  key={v}
                  className="scorecard__chip"
                  style={{ color: statusColor(v), borderColor: statusColor(v) }}
                  ariaRole="button"
                  {...FOCUSABLE}
                  onClick={() => onOpen({ category: c.category, status: v })}
                >
                  {commitmentStatusName(v)} {c.counts[v]}
                </View>
              ))}
            </View>
          </View>
        ))}
      </View>
      <Text className="app-muted scorecard__how">
        期限过后，每项承诺按上报的数字和日期判定，怎样判定见“我的 · 关于”。
      </Text>
    </View>
  );
}
