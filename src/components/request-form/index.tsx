import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import FieldMessage, { SubmitWithMessage } from '@/components/field-message';
import PhotoPicker, { PHOTOS_UPLOADING } from '@/components/photo-picker';
import type { TicketInput } from '@/domain/ticket';
import { TICKET_LIMITS } from '@/domain/ticket-rules';
import { useForm } from '@/hooks/use-form';
import { submitTicket, type SubmitResult } from '@/services/outbox';
import CommitmentPicker from './commitment-picker';
import ContactFields from './contact-fields';
import { clearDraft, loadDraft, parseDraft, type RequestDraft } from './draft';
import LocationField from './location-field';
import { Section } from './parts';
import ProblemFields from './problem-fields';
import Receipt from './receipt';
import { useNoticeOnSubmit } from './use-notice-on-submit';
import { useStoredDraft } from './use-stored-draft';
import './index.scss';

const INVALID = '还有内容需要修改，请看红字提示';

export interface RequestFormProps {
  /** Set when the form is opened from a commitment's 反映问题 button. */
  commitment?: { id: string; title: string } | null;
}

/** The 民呼必应 form: one component for the tab and for 反映问题, then the receipt with the ticket number. */
export default function RequestForm({ commitment }: RequestFormProps) {
  const withLinked = (stored: RequestDraft) => (commitment ? { ...stored, commitment } : stored);
  const [uploading, setUploading] = useState(0);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const form = useForm<RequestDraft, TicketInput>({
    initial: () => withLinked(loadDraft()),
    parse: parseDraft,
    invalidMessage: INVALID,
    notReady: uploading > 0 ? PHOTOS_UPLOADING : null,
    fieldOf: { commitment: 'commitmentId' },
  });
  const { draft, change, replace, reset, hasUnsavedEdits, messageFor, messageId } = form;
  useStoredDraft(form);
  const notices = useNoticeOnSubmit(draft);

  // The commitment may arrive after the first render (the page fetches its title). Linking it is not an edit.
  const linkedId = commitment?.id;
  const linkedTitle = commitment?.title;
  useEffect(() => {
    if (linkedId && linkedTitle) {
      replace((d) => ({ ...d, commitment: { id: linkedId, title: linkedTitle } }));
    }
  }, [linkedId, linkedTitle, replace]);

  // The tab stays alive while the same draft is edited, sent or put back elsewhere (反映问题, 我的诉求):
  // when it shows again without edits of its own, it takes up the stored draft. A receipt stays on screen
  // unless a draft was put back to be fixed (修改后重新提交).
  useDidShow(() => {
    if (hasUnsavedEdits()) return;
    if (!result) replace(withLinked(loadDraft()));
    else if (loadDraft().content) startAgain();
  });

  async function send(input: TicketInput) {
    const submitted = await submitTicket(input);
    clearDraft();
    // Sent: the form behind the receipt starts empty, so nothing can send it a second time.
    reset(withLinked(loadDraft()));
    setResult(submitted);
    void notices.report(submitted);
    // The receipt is short: bring its top, the number, into view.
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }

  function startAgain() {
    reset(withLinked(loadDraft()));
    setResult(null);
    notices.reset();
  }

  if (result) {
    return <Receipt result={result} noticeGranted={notices.granted} onAnother={startAgain} />;
  }

  return (
    <View className="request-form">
      <ProblemFields form={form} />

      <LocationField form={form} />

      <Section label="和哪项民生实事有关（可不选）">
        <CommitmentPicker
          value={draft.commitment}
          onChange={(picked) => change('commitment', picked)}
        />
        <FieldMessage id={messageId('commitmentId')} message={messageFor('commitmentId')} />
      </Section>

      <Section label={`照片（可不传，最多 ${TICKET_LIMITS.photosMax} 张）`}>
        <PhotoPicker
          value={draft.photos}
          max={TICKET_LIMITS.photosMax}
          onChange={(update) => change('photos', update)}
          onUploadingChange={setUploading}
          keepWhenOffline
        />
        <FieldMessage id={messageId('photos')} message={messageFor('photos')} />
      </Section>

      <ContactFields form={form} />

      <SubmitWithMessage
        className="request-form__submit"
        size="large"
        busy={form.busy}
        message={form.formMessage}
        onSubmit={() => {
          notices.ask();
          return form.submit(send);
        }}
      >
        提交诉求
      </SubmitWithMessage>
      <Text className="request-form__hint request-form__hint--center">
        没有网络也能提交，联网后会自动发出，不会重复
      </Text>
    </View>
  );
}
