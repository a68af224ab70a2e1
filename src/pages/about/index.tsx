import { View, Text } from '@tarojs/components';
import AppPage from '@/components/app-page';
import CommitmentStatusTag from '@/components/commitment-status-tag';
import { SOURCE_REPORT } from '@/domain/display';
import { BEHIND_MARGIN, COMMITMENT_STATUSES } from '@/domain/status';
import './index.scss';

/** The statuses of one phase, each with its tag and its meaning, from the domain's one table. */
function StatusList({ verdict }: { verdict: boolean }) {
  return (
    <>
      {COMMITMENT_STATUSES.filter((s) => s.verdict === verdict).map((s) => (
        <View key={s.code} className="about-status">
          <CommitmentStatusTag status={s.code} />
          <Text>{s.meaning}</Text>
        </View>
      ))}
    </>
  );
}

export default function AboutPage() {
  return (
    <AppPage className="about-page">
      <View className="app-section">
        <Text className="app-section__title">数据从哪里来</Text>
        <Text className="about-text">
          每一项民生实事都摘自《{SOURCE_REPORT}
          》（2020年5月12日），原文一字未改，详情页里可以看到报告的原句和所在章节。报告全文保存在本项目的
          data 目录中。
        </Text>
        <Text className="about-text">
          进展由各责任单位的工作人员上报，每次上报都会留下记录：谁报的、什么时候、完成了多少，有的还附现场照片。
        </Text>
      </View>

      <View className="app-section">
        <Text className="app-section__title">期限之前：进度跟不跟得上</Text>
        <Text className="about-text">
          状态不是人工填写的，而是按进度和时间自动算出来的：从 2020 年 1 月 1
          日到承诺的完成时限，过去了多少时间，进度就应该完成多少。进度比时间落后 {BEHIND_MARGIN}{' '}
          个百分点以上就算滞后，例如时间过去一半、进度还不到四成。
        </Text>
        <StatusList verdict={false} />
      </View>

      <View className="app-section">
        <Text className="app-section__title">期限过后：承诺兑现了没有</Text>
        <Text className="about-text">
          完成时限一过，就不再看快慢，而是看兑现了没有。每次上报都写明这个数字是截至哪一天的情况：只要有一次上报的数字达到了目标，而且截至日期在时限当天或更早，就是按期完成；达到了目标，但截至日期在时限之后，就是逾期完成，并写明晚了多久；上报过、却一直没有达到目标，就是未完成，写明最后做到了多少；从来没有上报过的，就是未上报，不会显示成
          0%。
        </Text>
        <StatusList verdict />
        <Text className="about-text app-muted">每种状态都用文字标出，不只靠颜色区分。</Text>
      </View>

      <View className="app-section">
        <Text className="app-section__title">发现问题怎么办</Text>
        <Text className="about-text">
          在任何一项民生实事的详情页点“反映问题”，就能通过民呼必应提交诉求，并在“我的诉求”里跟踪办理进度。
        </Text>
      </View>
    </AppPage>
  );
}
