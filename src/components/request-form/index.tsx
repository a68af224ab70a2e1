import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Checkbox, Input, TextArea } from '@nutui/nutui-react-taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DISTRICTS } from '@/domain/districts';
import type { FieldError } from '@/domain/errors';
import { TICKET_CATEGORIES, type TicketInput } from '@/domain/ticket';
import { characterCount, TICKET_LIMITS, validateTicketInput } from '@/domain/ticket-rules';
import { ApiError } from '@/services/http';
import { submitTicket, type SubmitResult } from '@/services/outbox';
import CommitmentPicker from './commitment-picker';
import { clearDraft, draftToInput, loadDraft, saveDraft, type RequestDraft } from './draft';
import PhotoPicker from './photo-picker';
import Receipt from './receipt';
import './index.scss';

type Field = keyof TicketInput;
const DRAFT_SAVE_MS = 400;
const INVALID = '还有内容需要修改，请看红字提示';
const PHOTOS_UPLOADING = '照片还在上传，请等上传完再提交';

export interface RequestFormProps {
  /** Set when the form is opened from a commitment's 反映问题 button. */
  commitment?: { id: string; title: string } | null;
}

function FieldMessage({ field, message }: { field: Field; message?: string }) {
  if (!message) return null;
  return (
    <View className="request-form__error" ariaRole="alert" data-field={field}>
      {message}
    </View>
  );
}

/** The 民呼必应 form: one component for the tab and for 反映问题, then the receipt with the ticket number. */
export default function RequestForm({ commitment }: RequestFormProps) {
  const withLinked = (stored: RequestDraft) => (commitment ? { ...stored, commitment } : stored);
  const [draft, setDraft] = useState<RequestDraft>(() => withLinked(loadDraft()));
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [scrollToError, setScrollToError] = useState(0);
  const [uploading, setUploading] = useState(0);

  // After a refused 提交, bring the first red message into view: on a phone it is often far above the button.
  useEffect(() => {
    if (scrollToError === 0) return;
    const timer = setTimeout(() => {
      Taro.pageScrollTo({ selector: '.request-form__error', duration: 200 }).catch(() => undefined);
    }, 50);
    return () => clearTimeout(timer);
  }, [scrollToError]);

  // The commitment may arrive after the first render (its title is fetched by the page).
  const [linked, setLinked] = useState(commitment);
  if (commitment !== linked) {
    setLinked(commitment);
    if (commitment) setDraft((d) => ({ ...d, commitment }));
  }

  // Keep the draft while typing, a moment after the last key; and at once when the form goes away.
  const latest = useRef(draft);
  const dirty = useRef(false);
  useEffect(() => {
    latest.current = draft;
  });
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => {
      // Sent in the meantime: the draft is gone for good, don't bring it back.
      if (!dirty.current) return;
      saveDraft(draft);
      dirty.current = false;
    }, DRAFT_SAVE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  useEffect(
    () => () => {
      if (dirty.current) saveDraft(latest.current);
    },
    [],
  );

  // The tab stays alive while the same draft is edited, sent or put back elsewhere (反映问题, 我的诉求):
  // when it shows again without edits of its own, it takes up the stored draft. A receipt stays on screen
  // unless a draft was put back to be fixed (修改后重新提交).
  useDidShow(() => {
    if (dirty.current) return;
    if (!result) setDraft(withLinked(loadDraft()));
    else if (loadDraft().content) startAgain();
  });

  const errors = useMemo(() => {
    const byField: Partial<Record<Field, string>> = {};
    for (const { field, message } of validateTicketInput(draftToInput(draft)) as FieldError[]) {
      byField[field as Field] ??= message;
    }
    return byField;
  }, [draft]);
  const messageFor = (field: Field) =>
    serverErrors[field] ?? (showAll || touched[field] ? errors[field] : undefined);

  function change<K extends keyof RequestDraft>(
    key: K,
    value: RequestDraft[K] | ((current: RequestDraft[K]) => RequestDraft[K]),
    field?: Field,
  ) {
    dirty.current = true;
    setDraft((d) => ({
      ...d,
      [key]:
        typeof value === 'function'
          ? (value as (c: RequestDraft[K]) => RequestDraft[K])(d[key])
          : value,
    }));
    const f = field ?? (key as Field);
    if (serverErrors[f]) setServerErrors(({ [f]: _gone, ...rest }) => rest);
  }
  const touch = (field: Field) => setTouched((t) => ({ ...t, [field]: true }));

  async function submit() {
    if (submitting) return;
    setShowAll(true);
    setFormError('');
    if (uploading > 0) {
      setFormError(PHOTOS_UPLOADING);
      return;
    }
    const input = draftToInput(draft);
    if (validateTicketInput(input).length > 0) {
      setFormError(INVALID);
      setScrollToError((n) => n + 1);
      return;
    }
    setSubmitting(true);
    try {
      const submitted = await submitTicket(input as unknown as TicketInput);
      clearDraft();
      dirty.current = false;
      // Sent: the form behind the receipt starts empty, so nothing can send it a second time.
      setDraft(withLinked(loadDraft()));
      setResult(submitted);
      // The receipt is short: bring its top, the number, into view.
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (error) {
      // Refused by the server: keep what was typed and show why, next to the fields it names.
      const apiError =
        error instanceof ApiError ? error : new ApiError('bad_request', String(error));
      const byField: Partial<Record<Field, string>> = {};
      for (const { field, message } of apiError.details) byField[field as Field] ??= message;
      setServerErrors(byField);
      setFormError(apiError.message);
      setScrollToError((n) => n + 1);
    } finally {
      setSubmitting(false);
    }
  }

  function startAgain() {
    setDraft(withLinked(loadDraft()));
    setTouched({});
    setShowAll(false);
    setServerErrors({});
    setFormError('');
    setResult(null);
  }

  if (result) return <Receipt result={result} onAnother={startAgain} />;

  const contentLength = characterCount(draft.content.trim());
  const category = TICKET_CATEGORIES.find((c) => c.code === draft.category);

  return (
    <View className="request-form">
      <View className="request-form__section">
        <Text className="request-form__label">反映什么问题</Text>
        <View className="request-form__choices" ariaRole="radiogroup" ariaLabel="诉求类别">
          {TICKET_CATEGORIES.map((c) => (
            <View
              key={c.code}
              className={`request-form__choice ${draft.category === c.code ? 'request-form__choice--on' : ''}`}
              ariaRole="radio"
              aria-checked={draft.category === c.code}
              onClick={() => {
                change('category', c.code);
                touch('category');
              }}
            >
              {c.name}
            </View>
          ))}
        </View>
        {category ? <Text className="request-form__hint">包括：{category.hint}</Text> : null}
        <FieldMessage field="category" message={messageFor('category')} />
      </View>

      <View className="request-form__section">
        <Text className="request-form__label">具体情况</Text>
        <TextArea
          className="request-form__textarea"
          placeholder="在什么地方，出了什么问题，有多久了"
          value={draft.content}
          rows={5}
          // Taro's textarea stops at 140 characters unless told otherwise; the rule above counts the limit.
          maxLength={-1}
          autoSize
          status={messageFor('content') ? 'error' : 'default'}
          onChange={(value) => change('content', value)}
          onBlur={() => touch('content')}
        />
        <View className="request-form__counter-row">
          <Text className="request-form__hint">
            至少 {TICKET_LIMITS.contentMin}{' '}
            个字。例如：建设路和中兴路交叉口东边第三根路灯，一周来晚上都不亮
          </Text>
          <Text
            className={`request-form__counter ${contentLength > TICKET_LIMITS.contentMax ? 'request-form__counter--over' : ''}`}
            data-testid="content-counter"
          >
            {contentLength}/{TICKET_LIMITS.contentMax}
          </Text>
        </View>
        <FieldMessage field="content" message={messageFor('content')} />
      </View>

      <View className="request-form__section">
        <Text className="request-form__label">在哪个县（市、区）</Text>
        <View
          className="request-form__choices request-form__choices--three"
          ariaRole="radiogroup"
          ariaLabel="所在县（市、区）"
        >
          {DISTRICTS.map((d) => (
            <View
              key={d}
              className={`request-form__choice ${draft.district === d ? 'request-form__choice--on' : ''}`}
              ariaRole="radio"
              aria-checked={draft.district === d}
              onClick={() => {
                change('district', d);
                touch('district');
              }}
            >
              {d}
            </View>
          ))}
        </View>
        <FieldMessage field="district" message={messageFor('district')} />
        <Text className="request-form__label request-form__label--sub">详细地址（可不填）</Text>
        <Input
          className="request-form__input"
          placeholder="街道、小区、门牌号或附近的标志"
          value={draft.address}
          onChange={(value) => change('address', value)}
          onBlur={() => touch('address')}
        />
        <FieldMessage field="address" message={messageFor('address')} />
      </View>

      <View className="request-form__section">
        <Text className="request-form__label">和哪项民生实事有关（可不选）</Text>
        <CommitmentPicker
          value={draft.commitment}
          onChange={(picked) => change('commitment', picked, 'commitmentId')}
        />
        <FieldMessage field="commitmentId" message={messageFor('commitmentId')} />
      </View>

      <View className="request-form__section">
        <Text className="request-form__label">
          照片（可不传，最多 {TICKET_LIMITS.photosMax} 张）
        </Text>
        <PhotoPicker
          value={draft.photos}
          onChange={(update) => change('photos', update)}
          onUploadingChange={setUploading}
          keepWhenOffline
        />
        <FieldMessage field="photos" message={messageFor('photos')} />
      </View>

      <View className="request-form__section">
        <Text className="request-form__label">联系方式</Text>
        <Checkbox
          className="request-form__check"
          checked={draft.anonymous}
          onChange={(checked) => change('anonymous', checked)}
        >
          匿名反映（可以不留电话）
        </Checkbox>
        <Text className="request-form__label request-form__label--sub">
          手机号码{draft.anonymous ? '（可不填）' : ''}
        </Text>
        <Input
          className="request-form__input"
          type="number"
          maxLength={11}
          placeholder="11 位手机号码，方便办理人员回复您"
          value={draft.phone}
          onChange={(value) => change('phone', value)}
          onBlur={() => touch('phone')}
        />
        <FieldMessage field="phone" message={messageFor('phone')} />
        <Text className="request-form__label request-form__label--sub">怎么称呼您（可不填）</Text>
        <Input
          className="request-form__input"
          placeholder="例如：王女士"
          value={draft.contactName}
          onChange={(value) => change('contactName', value)}
          onBlur={() => touch('contactName')}
        />
        <FieldMessage field="contactName" message={messageFor('contactName')} />
      </View>

      <View className="request-form__section">
        <View className="request-form__privacy">
          <Text className="request-form__privacy-title">个人信息怎么用</Text>
          <Text>
            我们收集您填写的问题、地点、照片和联系方式，只用于办理和回复这件诉求。电话号码只有办理人员能看到，对其他人显示为
            138****1234。诉求记录用于查询和回访，保存期限以平顶山市政务服务热线的规定为准；上传了却没有提交的照片
            30 天后删除。
          </Text>
        </View>
        <Checkbox
          className="request-form__check"
          checked={draft.consent}
          onChange={(checked) => {
            change('consent', checked);
            touch('consent');
          }}
        >
          我已阅读并同意以上说明
        </Checkbox>
        <FieldMessage field="consent" message={messageFor('consent')} />
      </View>

      {formError &&
      // Both go away once they no longer hold: the fields are fixed, the photos are up.
      !(formError === INVALID && Object.keys(errors).length === 0) &&
      !(formError === PHOTOS_UPLOADING && uploading === 0) ? (
        <View className="request-form__form-error" ariaRole="alert">
          {formError}
        </View>
      ) : null}
      <Button
        className="request-form__submit"
        type="primary"
        block
        size="large"
        loading={submitting}
        onClick={() => void submit()}
      >
        提交诉求
      </Button>
      <Text className="request-form__hint request-form__hint--center">
        没有网络也能提交，联网后会自动发出，不会重复
      </Text>
    </View>
  );
}
