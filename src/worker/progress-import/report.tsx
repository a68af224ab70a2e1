import { Text, View } from '@tarojs/components';
import type { ImportReport } from '@/domain/progress-import';

/** The column names of the spreadsheet, as the report names them, in words. */
const COLUMN_NAMES: Record<string, string> = {
  id: '编号（id）',
  value: '完成数（value）',
  percent: '百分比（percent）',
  note: '说明（note）',
  date: '数据截至（date）',
  header: '第一行（列名）',
  file: '文件',
};

/** The dry run's answer, row by row: what would be imported, and every cell to correct first. */
export default function ImportReportView({ report }: { report: ImportReport }) {
  const ok = report.errors.length === 0;
  return (
    <View className="app-section import-report" data-testid="import-report">
      <View className="import-report__summary" ariaRole="status">
        {ok
          ? `检查通过：共 ${report.rows} 行，都可以导入`
          : `共 ${report.rows} 行，${report.valid} 行可以导入，${report.errors.length} 处需要修改`}
      </View>
      {ok ? null : (
        <View className="import-report__errors" ariaRole="list">
          {report.errors.map((e, i) => (
            <View key={i} className="import-report__error" ariaRole="listitem">
              <Text className="import-report__where">
                第 {e.row} 行 · {COLUMN_NAMES[e.field] ?? e.field}
              </Text>
              <Text className="import-report__message">{e.message}</Text>
            </View>
          ))}
        </View>
      )}
      {ok ? null : <Text className="app-muted">请在表格里改好后另存为 CSV，再重新选择文件。</Text>}
    </View>
  );
}
