import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import AppPage from '@/components/app-page';
import { FormMessage } from '@/components/field-message';
import { ErrorState, LoadingCards } from '@/components/state-views';
import { IMPORT_COLUMNS, IMPORT_LIMITS, type ImportedProgress } from '@/domain/progress-import';
import { useResource } from '@/hooks/use-resource';
import { showFeedback } from '@/services/feedback';
import { saveCsvFile, pickCsvFile, type PickedFile } from '@/services/files';
import { newIdempotencyKey } from '@/services/idempotency-key';
import { applyProgressImport, checkProgressImport } from '@/services/progress-import';
import { useStaffSession } from '../session';
import ImportReportView from './report';
import '../worker.scss';
import './index.scss';

const TEMPLATE = '/api/progress-imports/template.csv';

/** A picked file and the key its import is sent under: the same file resent is applied once. */
interface Chosen extends PickedFile {
  key: string;
}

/** 批量导入进展 (admins): pick a department's CSV, read the dry run row by row, then confirm. */
export default function ProgressImportPage() {
  const session = useStaffSession();
  const [file, setFile] = useState<Chosen | null>(null);
  const [done, setDone] = useState<ImportedProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const check = useCallback(() => checkProgressImport(file!.data), [file]);
  const report = useResource(file ? check : null, { pullDown: false });

  if (!session) return <AppPage />;
  if (session.worker.role !== 'admin') {
    return (
      <AppPage className="progress-import">
        <View className="app-section">
          <Text>批量导入进展只对市级管理员开放。各社区的进展请在“上报进展”里逐条填报。</Text>
        </View>
      </AppPage>
    );
  }

  async function choose() {
    setMessage('');
    const picked = await pickCsvFile();
    if (!picked) return;
    if (picked.data.byteLength > IMPORT_LIMITS.maxBytes) {
      setMessage('文件超过 1 MB，请分成几个文件导入');
      return;
    }
    setDone(null);
    setFile({ ...picked, key: newIdempotencyKey() });
  }

  async function confirm() {
    if (!file || busy) return;
    setBusy(true);
    setMessage('');
    try {
      setDone(await applyProgressImport(file.data, file.key));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  async function template() {
    try {
      await saveCsvFile(TEMPLATE, '进展导入模板.csv');
    } catch (error) {
      showFeedback(error instanceof Error ? error.message : '下载失败');
    }
  }

  return (
    <AppPage className="progress-import">
      <View className="app-section">
        <Text className="progress-import__lead">
          各部门的月度进展表，另存为 CSV 后一次导入：每行一条进展，和逐条上报一样公开、不能修改。
        </Text>
        <Text className="app-muted">
          列名：{IMPORT_COLUMNS.join(',')}。value 填完成数，或 percent 填 0–100 的百分比（二选一）；
          date 是数据截至的日期，不填为今天。UTF-8 或 GBK（Excel、WPS 默认）均可，最大 1 MB。
        </Text>
        <View className="progress-import__actions">
          <Button fill="outline" onClick={() => void template()}>
            下载模板（含全部编号）
          </Button>
          <Button type="primary" onClick={() => void choose()}>
            {file ? '重新选择文件' : '选择 CSV 文件'}
          </Button>
        </View>
        {file ? <Text className="app-muted">已选择：{file.name}</Text> : null}
      </View>

      {done ? (
        <View className="app-section" ariaRole="status" data-testid="import-done">
          <Text className="progress-import__done">已导入 {done.imported} 条进展</Text>
          <Text className="app-muted">
            各项民生实事的进度和状态已随之更新，时间线上标注“批量导入”。
          </Text>
        </View>
      ) : report.status === 'loading' ? (
        <LoadingCards count={1} />
      ) : report.status === 'error' ? (
        <ErrorState message={report.error} onRetry={report.reload} />
      ) : report.data ? (
        <>
          <ImportReportView report={report.data} />
          {report.data.errors.length === 0 ? (
            <View className="app-section">
              <FormMessage message={message} />
              <Button type="primary" block loading={busy} onClick={() => void confirm()}>
                确认导入 {report.data.rows} 行
              </Button>
            </View>
          ) : null}
        </>
      ) : (
        <FormMessage message={message} />
      )}
    </AppPage>
  );
}
