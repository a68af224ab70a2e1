import Taro from '@tarojs/taro';
import type { CreatedTicket, TicketInput } from '@/domain/ticket';
import { isUploadUrl } from '@/domain/uploads';
import { ApiError, request } from './http';
import { onNetworkBack } from './network';
import { createTicket, rememberTicket } from './tickets';
import { newIdempotencyKey } from './idempotency-key';
import { forgetLocalPhoto, localPhotoExists } from './local-photos';
import { uploadPhoto } from './uploads';

/**
 * Requests waiting to be sent. Each keeps the Idempotency-Key it was given when the person pressed 提交, so every
 * retry is the same request to the server and it is created exactly once however often we try.
 */
export interface OutboxItem {
  key: string;
  input: TicketInput;
  queuedAt: string;
  attempts: number;
  /** Set when the server refused it (a 4xx other than 429): it is not retried, the person must change it. */
  refused?: { code: string; message: string };
}

export type SubmitResult =
  { state: 'sent'; key: string; ticket: CreatedTicket } | { state: 'queued'; key: string };

const OUTBOX_KEY = 'tickets.outbox';
/** Idempotency-Key → ticket number of what the outbox delivered, so a 待发送 receipt can show its number. */
const DELIVERED_KEY = 'tickets.delivered';
const RETRY_MIN_MS = 5_000;
const RETRY_MAX_MS = 60_000;

type Listener = () => void;
const listeners = new Set<Listener>();
/** Keys on their way to the server right now: never two sends of one item at once. */
const sending = new Set<string>();
let flushing: Promise<void> | null = null;
let flushAgain = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryDelay = RETRY_MIN_MS;
let started = false;

export function listOutbox(): OutboxItem[] {
  const value: unknown = Taro.getStorageSync(OUTBOX_KEY);
  return Array.isArray(value) ? (value as OutboxItem[]) : [];
}

function saveOutbox(items: OutboxItem[]) {
  Taro.setStorageSync(OUTBOX_KEY, items);
  listeners.forEach((listener) => listener());
}

function updateItem(key: string, change: (item: OutboxItem) => OutboxItem | null) {
  const items = listOutbox().flatMap((item) => {
    if (item.key !== key) return [item];
    const next = change(item);
    return next ? [next] : [];
  });
  saveOutbox(items);
}

export function deliveredTicketNo(key: string): string | undefined {
  const value: unknown = Taro.getStorageSync(DELIVERED_KEY);
  return value && typeof value === 'object' ? (value as Record<string, string>)[key] : undefined;
}

function markDelivered(key: string, ticket: CreatedTicket) {
  rememberTicket(ticket);
  const value: unknown = Taro.getStorageSync(DELIVERED_KEY);
  const delivered = value && typeof value === 'object' ? (value as Record<string, string>) : {};
  // A short memory is enough: it only bridges the receipt on screen to the number.
  const kept = Object.entries(delivered).slice(-19);
  Taro.setStorageSync(DELIVERED_KEY, { ...Object.fromEntries(kept), [key]: ticket.ticketNo });
  updateItem(key, () => null);
}

/** Worth trying again later: no answer at all, the server failing, or told to slow down. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.isNetworkError || error.status >= 500 || error.status === 429;
}

/** Listens for any change to the outbox (queued, delivered, refused). Returns the way to stop listening. */
export function subscribeOutbox(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * An upload that failed without an answer while the server answers a plain request: the platform could not send
 * the file. Waiting would hold the request back for good.
 */
async function isFileProblem(error: unknown): Promise<boolean> {
  if (!(error instanceof ApiError) || error.code !== 'network_error') return false;
  return request('/api/health').then(
    () => true,
    () => false,
  );
}

/**
 * Photos picked with no network are files on the phone: each goes up first, and its URL is written into the item
 * at once, so that every later try sends the same body under the same key. A file that is gone (a browser
 * reloaded), that the platform cannot send or that the server refuses is left out: the request itself must
 * still go. No answer at all: thrown, to wait.
 */
async function uploadWaitingPhotos(item: OutboxItem): Promise<TicketInput> {
  let input = item.input;
  for (const photo of input.photos ?? []) {
    if (isUploadUrl(photo)) continue;
    let url: string | null = null;
    if (await localPhotoExists(photo)) {
      try {
        url = await uploadPhoto(photo);
      } catch (error) {
        if (isRetryable(error) && !(await isFileProblem(error))) throw error;
      }
    }
    const photos = (input.photos ?? []).flatMap((p) => (p !== photo ? [p] : url ? [url] : []));
    input = { ...input, photos };
    const next = input;
    updateItem(item.key, (current) => ({ ...current, input: next }));
    forgetLocalPhoto(photo);
  }
  return input;
}

/** One attempt for one item. Resolves with the ticket, or null when it should wait; throws when refused. */
async function sendItem(item: OutboxItem): Promise<CreatedTicket | null> {
  if (sending.has(item.key)) return null;
  sending.add(item.key);
  try {
    updateItem(item.key, (current) => ({ ...current, attempts: current.attempts + 1 }));
    const input = await uploadWaitingPhotos(item);
    const ticket = await createTicket(input, item.key);
    markDelivered(item.key, ticket);
    return ticket;
  } catch (error) {
    if (isRetryable(error)) return null;
    const refused =
      error instanceof ApiError
        ? { code: error.code, message: error.message }
        : { code: 'bad_request', message: String(error) };
    updateItem(item.key, (current) => ({ ...current, refused }));
    throw error;
  } finally {
    sending.delete(item.key);
  }
}

function scheduleRetry() {
  if (retryTimer) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void flushOutbox();
  }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
}

/**
 * Sends a request the person just filed. It is written to the outbox before the first try, so closing the app
 * mid-send loses nothing. A 4xx (but 429) is thrown for the form to show and is not kept.
 */
export async function submitTicket(input: TicketInput): Promise<SubmitResult> {
  const item: OutboxItem = {
    key: newIdempotencyKey(),
    input,
    queuedAt: new Date().toISOString(),
    attempts: 0,
  };
  saveOutbox([...listOutbox(), item]);
  try {
    const ticket = await sendItem(item);
    if (ticket) return { state: 'sent', key: item.key, ticket };
  } catch (error) {
    // Refused: the form keeps the draft and shows why; nothing waits in the outbox.
    updateItem(item.key, () => null);
    throw error;
  }
  scheduleRetry();
  return { state: 'queued', key: item.key };
}

/** One pass over the outbox, oldest first. False when the server could not be reached (try again later). */
async function sendAll(): Promise<boolean> {
  for (const item of listOutbox()) {
    if (item.refused) continue;
    let ticket: CreatedTicket | null;
    try {
      ticket = await sendItem(item);
    } catch {
      continue; // refused: marked on the item, shown on 我的诉求
    }
    if (!ticket && !sending.has(item.key)) return false;
  }
  return true;
}

/**
 * Sends everything waiting. A call during a pass makes one more pass afterwards (the network may have come back
 * in between); when the server can't be reached it tries again later by itself.
 */
export function flushOutbox(): Promise<void> {
  if (flushing) {
    flushAgain = true;
    return flushing;
  }
  flushing = (async () => {
    try {
      let reached: boolean;
      do {
        flushAgain = false;
        reached = await sendAll();
      } while (flushAgain);
      if (reached) retryDelay = RETRY_MIN_MS;
      else scheduleRetry();
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** Takes a refused item out of the outbox, handing back what the person wrote so the form can show it again. */
export function removeFromOutbox(key: string): TicketInput | undefined {
  const item = listOutbox().find((i) => i.key === key);
  updateItem(key, () => null);
  return item?.input;
}

/** Called when the app opens: send what is waiting, and again whenever the network comes back. */
export function startOutbox(): void {
  if (!started) {
    started = true;
    onNetworkBack(() => {
      retryDelay = RETRY_MIN_MS;
      void flushOutbox();
    });
  }
  void flushOutbox();
}
