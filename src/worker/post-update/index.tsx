import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Radio, TextArea, Input } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import AppPage from '@/components/app-page';
import PhotoPicker from '@/components/request-form/photo-picker';
import { ErrorState, LoadingCards } from '@/components/state-views';
import CommitmentStatusTag from '@/components/commitment-status-tag';
import type { Commitment, CommitmentDetail, CommitmentUpdate } from '@/domain/commitment';
import { commitmentDetailPath, formatDelivered } from '@/domain/display';
import { formatTarget } from '@/domain/progress';
import { statusName } from '@/domain/status';
import {
  progressFromUpdate,
  UPDATE_LIMITS,
  validateUpdateInput,
  type CommitmentUpdateInput,
} from '@/domain/update-rules';
import { getCommitment } from '@/services/commitments';
import { ApiError } from '@/services/http';
import { newIdempotencyKey } from '@/services/idempotency-key';
import { useShare } from '@/services/share';
import { postCommitmentUpdate } from '@/services/worker';
import { useStaffSession } from '../session';
import CommitmentSearch from './commitment-search';
import '@/components/request-form/index.scss';
import { FieldError, SubmitWithError } from '../form-parts';
import '../worker.scss';
import './index.scss';

type Mode = 'value' | 'percent';

/** A figure needs a countable target; 全部完成 and no-target commitments are reported in percent. */
function takesFigure(commitment: Commitment): boolean {
  return commitment.target !== null && commitment.target.qualifier !== 'all';
}

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isNaN(value) ? NaN : value;
}

export default function PostUpdatePage() {
  const session = useStaffSession();
  const { params } = useRouter();
  const [attempt, setAttempt] = useState(0);
  const loadKey = params.id ? `${attempt}:${params.id}` : '';
  const [loaded, setLoaded] = useState<{ key: string; commitment?: Commitment; error?: string }>({
    key: '',
  });
  // Chosen from the search, or refreshed after posting; otherwise the one the link names.
  const [picked, setPicked] = useState<Commitment | null>(null);
  const [chosenMode, setMode] = useState<Mode>('value');
  const [figure, setFigure] = useState('');
  const [percent, setPercent] = useState('');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(0);
  const sending = useRef<{ body: string; key: string } | null>(null);
  const [posted, setPosted] = useState<{
    update: CommitmentUpdate;
    after: CommitmentDetail | null;
  } | null>(null);

  useEffect(() => {
    if (!params.id) return;
    let live = true;
    getCommitment(params.id).then(
      (result) => live && setLoaded({ key: loadKey, commitment: result.data }),
      (error: Error) => live && setLoaded({ key: loadKey, error: error.message }),
    );
    return () => {
      live = false;
    };
  }, [params.id, loadKey]);

  const current = loadKey && loaded.key === loadKey ? loaded : null;
  const loading = Boolean(loadKey) && current === null;
  const loadError = current?.error ?? '';
  const commitment = picked ?? current?.commitment ?? null;
  // A commitment without a countable target is reported in percent only.
  const mode: Mode = commitment && !takesFigure(commitment) ? 'percent' : chosenMode;

  const after = posted?.after ?? null;
  const share = useShare(
    posted && commitment
      ? {
          title: `${commitment.title}：进度 ${posted.update.percent}%${after ? `（${statusName(after.status)}）` : ''}`,
          path: commitmentDetailPath(commitment.id),
        }
      : null,
  );

  function pick(next: Commitment | null) {
    setPicked(next);
    setMode('value');
    setFigure('');
    setPercent('');
    setFieldErrors({});
    setMessage('');
  }

  function input(): Partial<Record<keyof CommitmentUpdateInput, unknown>> {
    return {
      ...(mode === 'value' ? { value: parseNumber(figure) } : { percent: parseNumber(percent) }),
      note,
      photos,
    };
  }

  async function submit() {
    if (!commitment || busy) return;
    setMessage('');
    if (uploading > 0) {
      setMessage('照片还在上传，请等上传完再提交');
      return;
    }
    const draft = input();
    // A missing number reads better as "please fill in" than as the either-or rule.
    const problems = validateUpdateInput(draft, commitment.target).map((p) =>
      (p.field === 'value' || p.field === 'percent') && draft[mode] === undefined
        ? { field: mode, message: mode === 'value' ? '请填写完成数' : '请填写完成百分比' }
        : p,
    );
    setFieldErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
    if (problems.length > 0) return;
    setBusy(true);
    // Sending the same update again (after a timeout, say) reuses its key, so it is published once.
    const body = JSON.stringify({ id: commitment.id, ...draft });
    if (sending.current?.body !== body) sending.current = { body, key: newIdempotencyKey() };
    try {
      const update = await postCommitmentUpdate(
        commitment.id,
        draft as CommitmentUpdateInput,
        sending.current.key,
      );
      sending.current = null;
      let fresh: CommitmentDetail | null = null;
      try {
        fresh = (await getCommitment(commitment.id)).data;
      } catch {
        // The update is in; the card can be seen later.
      }
      if (fresh) setPicked(fresh);
      setPosted({ update, after: fresh });
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) {
        setFieldErrors(Object.fromEntries(error.details.map((d) => [d.field, d.message])));
      }
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function another() {
    setPosted(null);
    setFigure('');
    setPercent('');
    setNote('');
    setPhotos([]);
  }

  if (!session) return <AppPage />;

  if (loading) {
    return (
      <AppPage>
        <LoadingCards count={2} />
      </AppPage>
    );
  }
  if (loadError) {
    return (
      <AppPage>
        <ErrorState message={loadError} onRetry={() => setAttempt((n) => n + 1)} />
      </AppPage>
    );
  }
  if (!commitment) {
    return (
      <AppPage className="post-update">
        <Text className="post-update__lead">选择要上报进展的民生实事</Text>
        <CommitmentSearch onPick={pick} />
      </AppPage>
    );
  }

  if (posted) {
    return (
      <AppPage className="post-update">
        <View className="app-section post-update__done" ariaRole="status">
          <Text className="post-update__done-title">已上报</Text>
          <Text className="post-update__title">{commitment.title}</Text>
          <View className="post-update__progress">
            <Text className="post-update__percent">进度 {posted.update.percent}%</Text>
            {after ? <CommitmentStatusTag status={after.status} /> : null}
          </View>
          {after ? <Text className="app-muted">{formatDelivered(after)}</Text> : null}
          <Text className="post-update__note">{posted.update.note}</Text>
          <Text className="app-muted">市民打开这项民生实事，马上能看到这条进展。</Text>
        </View>
        <View className="worker-actions">
          <Button type="primary" {...share.buttonProps}>
            {share.label}
          </Button>
          <Button
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: commitmentDetailPath(commitment.id) })}
          >
            查看公开页面
          </Button>
          <Button fill="outline" onClick={another}>
            再报一条
          </Button>
          <Button fill="outline" onClick={() => void Taro.navigateBack()}>
            返回工作台
          </Button>
        </View>
      </AppPage>
    );
  }

  const target = commitment.target;
  const draft = input();
  const preview =
    mode === 'value' && typeof draft.value === 'number' && draft.value >= 0 && target
      ? progressFromUpdate({ value: draft.value }, target).percent
      : null;

  return (
    <AppPage className="post-update">
      <View className="app-section">
        <View className="post-update__head">
          <Text className="post-update__title">{commitment.title}</Text>
          <CommitmentStatusTag status={commitment.status} />
        </View>
        <Text className="app-muted post-update__now">
          目前：{formatDelivered(commitment)}，进度 {commitment.progress.percent}%
          {target ? ` · 目标 ${formatTarget(target)}` : ''}
        </Text>
        {params.id ? null : (
          <Button
            className="post-update__change"
            size="small"
            fill="outline"
            onClick={() => pick(null)}
          >
            换一项
          </Button>
        )}
      </View>

      <View className="app-section">
        {takesFigure(commitment) ? (
          <View className="worker-field">
            <Text className="worker-field__label">上报方式</Text>
            <Radio.Group
              className="post-update__modes"
              direction="horizontal"
              value={mode}
              onChange={(value) => setMode(value as Mode)}
            >
              <Radio value="value">完成数（{target!.unit}）</Radio>
              <Radio value="percent">完成百分比</Radio>
            </Radio.Group>
          </View>
        ) : null}

        {mode === 'value' ? (
          <View className="worker-field">
            <Text className="worker-field__label">累计完成（{target?.unit}）</Text>
            <Input
              className="worker-field__input"
              name="value"
              type="digit"
              placeholder={`例如 ${target?.value ?? ''}`}
              value={figure}
              onChange={(value) => setFigure(value)}
            />
            {preview !== null ? <Text className="app-muted">提交后进度：{preview}%</Text> : null}
            <FieldError message={fieldErrors.value} />
          </View>
        ) : (
          <View className="worker-field">
            <Text className="worker-field__label">完成百分比（0–100）</Text>
            <Input
              className="worker-field__input"
              name="percent"
              type="number"
              maxLength={3}
              placeholder="例如 60"
              value={percent}
              onChange={(value) => setPercent(value)}
            />
            <FieldError message={fieldErrors.percent} />
          </View>
        )}

        <View className="worker-field">
          <Text className="worker-field__label">进展说明</Text>
          <TextArea
            className="post-update__note-input"
            placeholder="做了什么、到了哪一步，例如：新华区 12 个社区完成规范化建设并通过验收"
            value={note}
            rows={4}
            autoSize
            showCount
            maxLength={UPDATE_LIMITS.noteMax}
            onChange={(value) => setNote(value)}
          />
          <FieldError message={fieldErrors.note} />
        </View>

        <View className="worker-field">
          <Text className="worker-field__label">
            现场照片（可选，最多 {UPDATE_LIMITS.photosMax} 张）
          </Text>
          <PhotoPicker value={photos} onChange={setPhotos} onUploadingChange={setUploading} />
          <FieldError message={fieldErrors.photos} />
        </View>

        <SubmitWithError
          className="post-update__submit"
          busy={busy}
          error={message}
          onSubmit={submit}
        >
          提交进展
        </SubmitWithError>
        <Text className="app-muted post-update__hint">
          进展提交后公开可见，不能修改；如有错误，请再报一条更正。
        </Text>
      </View>
    </AppPage>
  );
}
