import { Text, View } from '@tarojs/components';
import { Button, Input, Radio, TextArea } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import FieldMessage, { SubmitWithMessage } from '@/components/field-message';
import PhotoPicker, { PHOTOS_UPLOADING } from '@/components/photo-picker';
import CommitmentStatusTag from '@/components/commitment-status-tag';
import type { Commitment, CommitmentDetail } from '@/domain/commitment';
import { formatDelivered } from '@/domain/display';
import { acceptsFigure, formatTarget } from '@/domain/progress';
import {
  progressFromUpdate,
  UPDATE_LIMITS,
  type CommitmentUpdateInput,
} from '@/domain/update-rules';
import { getCommitment } from '@/services/commitments';
import { newIdempotencyKey } from '@/services/idempotency-key';
import { postCommitmentUpdate } from '@/services/worker';
import { useForm } from '@/hooks/use-form';
import {
  EMPTY_UPDATE,
  modeOf,
  parseUpdateDraft,
  today,
  typedNumber,
  type Mode,
  type UpdateDraft,
  type UpdateField,
} from './draft';
import AsOfField from './as-of-field';
import Posted, { type PostedUpdate } from './posted';

export interface UpdateFormProps {
  commitment: Commitment;
  /** Back to the search (换一项); not offered when the link named the commitment. */
  onChangeCommitment?: () => void;
  /** The commitment as it stands after the post, to show from now on. */
  onRefreshed: (commitment: CommitmentDetail) => void;
}

/** A worker's progress report on one commitment, then what residents now see. */
export default function UpdateForm({
  commitment,
  onChangeCommitment,
  onRefreshed,
}: UpdateFormProps) {
  const { target } = commitment;
  const [uploading, setUploading] = useState(0);
  const [posted, setPosted] = useState<PostedUpdate | null>(null);
  const form = useForm<UpdateDraft, CommitmentUpdateInput, UpdateField>({
    initial: EMPTY_UPDATE,
    parse: (draft) => parseUpdateDraft(draft, target),
    notReady: uploading > 0 ? PHOTOS_UPLOADING : null,
    fieldOf: { figure: 'value' },
  });
  const { draft, change, messageFor, messageId } = form;

  // The same draft sent again (after a timeout, say) keeps its key, so that it is published once; any edit makes a
  // new draft object, and so a new key. The draft is state, never changed in place.
  const sent = useRef<{ draft: UpdateDraft; key: string } | null>(null);
  function keyFor(sending: UpdateDraft): string {
    if (sent.current?.draft !== sending)
      sent.current = { draft: sending, key: newIdempotencyKey() };
    return sent.current.key;
  }

  async function send(input: CommitmentUpdateInput, sending: UpdateDraft) {
    const update = await postCommitmentUpdate(commitment.id, input, keyFor(sending));
    sent.current = null;
    let after: CommitmentDetail | null = null;
    try {
      after = (await getCommitment(commitment.id)).data;
    } catch {
      // The update is in; the card can be seen later.
    }
    if (after) onRefreshed(after);
    setPosted({ update, after });
  }

  if (posted) {
    return (
      <Posted
        commitment={commitment}
        posted={posted}
        onAnother={() => {
          form.reset({ ...EMPTY_UPDATE, mode: draft.mode });
          setPosted(null);
        }}
      />
    );
  }

  const mode = modeOf(draft, target);
  const figure = typedNumber(draft, target);
  const preview =
    mode === 'value' && acceptsFigure(target) && figure !== undefined && figure >= 0
      ? progressFromUpdate({ value: figure }, target).percent
      : null;

  return (
    <>
      <View className="app-section">
        <View className="post-update__head">
          <Text className="post-update__title">{commitment.title}</Text>
          <CommitmentStatusTag status={commitment.status} />
        </View>
        <Text className="app-muted post-update__now">
          目前：{formatDelivered(commitment)}，进度 {commitment.progress.percent}%
          {target ? ` · 目标 ${formatTarget(target)}` : ''}
        </Text>
        {onChangeCommitment ? (
          <Button
            className="post-update__change"
            size="small"
            fill="outline"
            onClick={onChangeCommitment}
          >
            换一项
          </Button>
        ) : null}
      </View>

      <View className="app-section">
        {acceptsFigure(target) ? (
          <View className="worker-field">
            <Text className="worker-field__label">上报方式</Text>
            <Radio.Group
              className="post-update__modes"
              direction="horizontal"
              value={mode}
              onChange={(value) => change('mode', value as Mode)}
            >
              <Radio value="value">完成数（{target.unit}）</Radio>
              <Radio value="percent">完成百分比</Radio>
            </Radio.Group>
          </View>
        ) : null}

        {mode === 'value' && acceptsFigure(target) ? (
          <View className="worker-field">
            <Text className="worker-field__label">累计完成（{target.unit}）</Text>
            <Input
              className="worker-field__input"
              name="value"
              type="digit"
              placeholder={`例如 ${target.value}`}
              value={draft.figure}
              nativeProps={{ 'aria-label': '累计完成', 'aria-describedby': messageId('value') }}
              onChange={(value) => change('figure', value)}
            />
            {preview !== null ? <Text className="app-muted">提交后进度：{preview}%</Text> : null}
            <FieldMessage id={messageId('value')} message={messageFor('value')} />
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
              value={draft.percent}
              nativeProps={{ 'aria-label': '完成百分比', 'aria-describedby': messageId('percent') }}
              onChange={(value) => change('percent', value)}
            />
            <FieldMessage id={messageId('percent')} message={messageFor('percent')} />
          </View>
        )}

        <AsOfField
          value={draft.asOf || today()}
          message={messageFor('asOf')}
          messageId={messageId('asOf')}
          onChange={(value) => change('asOf', value)}
        />

        <View className="worker-field">
          <Text className="worker-field__label">进展说明</Text>
          <TextArea
            className="post-update__note-input"
            placeholder="做了什么、到了哪一步，例如：新华区 12 个社区完成规范化建设并通过验收"
            value={draft.note}
            rows={4}
            autoSize
            showCount
            maxLength={UPDATE_LIMITS.noteMax}
            aria-label="进展说明"
            aria-describedby={messageId('note')}
            onChange={(value) => change('note', value)}
          />
          <FieldMessage id={messageId('note')} message={messageFor('note')} />
        </View>

        <View className="worker-field">
          <Text className="worker-field__label">
            现场照片（可选，最多 {UPDATE_LIMITS.photosMax} 张）
          </Text>
          <PhotoPicker
            value={draft.photos}
            max={UPDATE_LIMITS.photosMax}
            onChange={(update) => change('photos', update)}
            onUploadingChange={setUploading}
          />
          <FieldMessage id={messageId('photos')} message={messageFor('photos')} />
        </View>

        <SubmitWithMessage
          busy={form.busy}
          message={form.formMessage}
          onSubmit={() => form.submit(send)}
        >
          提交进展
        </SubmitWithMessage>
        <Text className="app-muted post-update__hint">
          进展提交后公开可见，不能修改；如有错误，请再报一条更正。
        </Text>
      </View>
    </>
  );
}
