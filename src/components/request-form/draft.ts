import Taro from '@tarojs/taro';
import type { District } from '@/domain/districts';
import type { Parsed } from '@/domain/errors';
import type { GeoLocation } from '@/domain/location';
import type { TicketCategory, TicketInput } from '@/domain/ticket';
import { parseTicketInput } from '@/domain/ticket-rules';
import type { Form } from '@/hooks/use-form';

/** The form as the person is filling it in; kept in storage so leaving the page loses nothing. */
export interface RequestDraft {
  category: TicketCategory | '';
  content: string;
  district: District | '';
  address: string;
  /** 选择位置: the place picked, and how the picker named it; null when none was chosen. */
  location: (GeoLocation & { label: string }) | null;
  commitment: { id: string; title: string } | null;
  photos: string[];
  anonymous: boolean;
  contactName: string;
  phone: string;
  consent: boolean;
}

export const EMPTY_DRAFT: RequestDraft = {
  category: '',
  content: '',
  district: '',
  address: '',
  location: null,
  commitment: null,
  photos: [],
  anonymous: false,
  contactName: '',
  phone: '',
  consent: false,
};

const DRAFT_KEY = 'tickets.draft';

export function loadDraft(): RequestDraft {
  const value: unknown = Taro.getStorageSync(DRAFT_KEY);
  return value && typeof value === 'object'
    ? { ...EMPTY_DRAFT, ...(value as Partial<RequestDraft>) }
    : { ...EMPTY_DRAFT };
}

export function saveDraft(draft: RequestDraft): void {
  Taro.setStorageSync(DRAFT_KEY, draft);
}

export function clearDraft(): void {
  Taro.removeStorageSync(DRAFT_KEY);
}

/** The domain's rule over the draft, as it would be sent: blanks left out, text trimmed. */
export function parseDraft(draft: RequestDraft): Parsed<TicketInput> {
  const { commitment, location, ...fields } = draft;
  return parseTicketInput({
    ...fields,
    commitmentId: commitment?.id,
    location: location ? { lat: location.lat, long: location.long } : undefined,
  });
}

/** A draft the server refused goes back into the form as it was sent. */
export function inputToDraft(input: TicketInput, commitmentTitle?: string): RequestDraft {
  return {
    category: input.category,
    content: input.content,
    district: input.district,
    address: input.address ?? '',
    location: input.location ? { ...input.location, label: '之前选的位置' } : null,
    commitment: input.commitmentId
      ? { id: input.commitmentId, title: commitmentTitle ?? input.commitmentId }
      : null,
    photos: input.photos ?? [],
    anonymous: input.anonymous,
    contactName: input.contactName ?? '',
    phone: input.phone ?? '',
    consent: false,
  };
}

/** The form over a draft, as its parts get it. */
export type RequestDraftForm = Form<RequestDraft, TicketInput, keyof TicketInput>;
