/**
 * The one error envelope of the API, `{ code, message, details? }`, and the Chinese message for each code.
 * The server sends these messages; the app shows them, and uses the same table for errors it finds itself.
 */
export const ERROR_MESSAGES = {
  validation_failed: '填写的内容有误，请按提示修改后再试',
  bad_request: '请求有误，请检查后再试',
  invalid_json: '提交的内容格式有误',
  unsupported_media_type: '提交的内容类型不受支持',
  payload_too_large: '提交的内容太大了',
  not_found: '没有找到相关内容',
  route_not_found: '没有这个接口',
  unauthorized: '请先登录',
  invalid_credentials: '用户名或密码不正确',
  forbidden: '没有权限进行此操作',
  invalid_transition: '当前状态下不能进行这一步',
  invalid_idempotency_key: '提交缺少请求编号，请刷新页面后重试',
  unsupported_image: '只能上传 JPG、PNG、WebP 或 GIF 图片',
  idempotency_key_reused: '这次提交与之前的提交不一致，请重新填写后提交',
  already_rated: '已经评价过了',
  rate_limited: '操作太频繁，请稍后再试',
  upload_quota_exceeded: '今天上传的照片太多了，请明天再传，或先不附照片提交',
  storage_full: '照片存储空间已满，请先不附照片提交，或稍后再试',
  wechat_code_invalid: '微信登录已失效，请重新打开小程序',
  wechat_unavailable: '微信服务暂时不可用，请稍后再试',
  wechat_not_configured: '暂未开通微信登录和消息通知',
  internal_error: '服务器开小差了，请稍后再试',
  network_error: '网络连接失败，请检查网络后重试',
  timeout: '网络超时，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface FieldError {
  /** The field's name in the request body or query, e.g. "content". */
  field: string;
  message: string;
}

/** What a parser of the domain answers: the typed, cleaned value, or one message per wrong field. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function parsed<T>(value: T, errors: FieldError[]): Parsed<T> {
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: FieldError[];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_MESSAGES;
}
