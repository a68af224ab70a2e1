import { Picker, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import AppPage from '@/components/app-page';
import FieldMessage from '@/components/field-message';
import { beijingDate, formatDay } from '@/domain/dates';
import { DISTRICTS } from '@/domain/districts';
import { parseExportRange, ticketExportName } from '@/domain/exports';
import { requestKey } from '@/services/cache';
import { showFeedback } from '@/services/feedback';
import { saveCsvFile } from '@/services/files';
import { useStaffSession } from '../session';
import '../worker.scss';
import './index.scss';

const ALL = '全部区县';
const DAY_MS = 24 * 3600 * 1000;

function DayField(props: { label: string; value: string; onChange: (day: string) => void }) {
  const { label, value, onChange } = props;
  return (
    <View className="worker-field exports__day">
      <Text className="worker-field__label">{label}</Text>
      <Picker
        mode="date"
        value={value}
        start="2020-01-01"
        end={beijingDate(new Date())}
        aria-label={label}
        onChange={(event) => onChange(event.detail.value)}
      >
        <View className="worker-field__input">{formatDay(value)}</View>
      </Picker>
    </View>
  );
}

/** 导出数据: the commitments' progress (anyone's), and the requests of a period (a worker: their district's). */
export default function ExportsPage() {
  const session = useStaffSession();
  const today = beijingDate(new Date());
  const [from, setFrom] = useState(() => beijingDate(new Date(Date.now() - 30 * DAY_MS)));
  const [to, setTo] = useState(today);
  const [district, setDistrict] = useState(ALL);
  const [busy, setBusy] = useState('');
  const range = parseExportRange({ from, to });

  if (!session) return <AppPage />;
  const admin = session.worker.role === 'admin';

  async function save(what: string, path: string, name: string) {
    setBusy(what);
    try {
      await saveCsvFile(path, name);
    } catch (error) {
      showFeedback(error instanceof Error ? error.message : '导出失败');
    } finally {
      setBusy('');
    }
  }

  const ticketsPath = requestKey('/api/exports/tickets.csv', {
    from,
    to,
    district: admin && district !== ALL ? district : undefined,
  });
  return (
    <AppPage className="exports">
      <View className="app-section">
        <Text className="app-section__title">民生实事进展表</Text>
        <Text className="app-muted">
          全部民生实事：分类、目标、当前完成数和百分比、状态、最近更新、数据截至日期和报告原文。
        </Text>
        <Button
          className="exports__button"
          type="primary"
          block
          loading={busy === 'commitments'}
          onClick={() =>
            void save('commitments', '/api/exports/commitments.csv', `民生实事进展_${today}.csv`)
          }
        >
          导出进展表（CSV）
        </Button>
      </View>

      <View className="app-section">
        <Text className="app-section__title">民呼必应诉求明细</Text>
        <Text className="app-muted">
          {admin ? '全市或一个区县' : `${session.worker.district ?? ''}`}
          的诉求，每件一行：编号、类别、区县、状态、时间、是否超期、办结和评价，电话已隐去中间四位。
        </Text>
        <DayField label="提交日期从" value={from} onChange={setFrom} />
        <DayField label="到" value={to} onChange={setTo} />
        <FieldMessage id="exports-range" message={range.ok ? undefined : range.errors[0].message} />
        {admin ? (
          <View className="worker-field">
            <Text className="worker-field__label">区县</Text>
            <Picker
              mode="selector"
              range={[ALL, ...DISTRICTS]}
              aria-label="区县"
              onChange={(event) => setDistrict([ALL, ...DISTRICTS][Number(event.detail.value)])}
            >
              <View className="worker-field__input">{district}</View>
            </Picker>
          </View>
        ) : null}
        <Button
          className="exports__button"
          type="primary"
          block
          disabled={!range.ok}
          loading={busy === 'tickets'}
          onClick={() => void save('tickets', ticketsPath, ticketExportName({ from, to }, today))}
        >
          导出诉求明细（CSV）
        </Button>
      </View>
      <Text className="app-muted exports__hint">
        文件为 UTF-8 编码（带 BOM），Excel 和 WPS 可直接打开。
      </Text>
    </AppPage>
  );
}
