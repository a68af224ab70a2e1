/** The app's own page paths, for navigation, share cards and deep links (app.config.ts registers the pages). */

export const MY_REQUESTS_PAGE = '/pages/my-requests/index';
/** A request filed on another phone, found by its number and phone number. */
export const REQUEST_LOOKUP_PAGE = '/pages/request-lookup/index';
export const REQUESTS_TAB = '/pages/requests/index';
export const COMMITMENTS_TAB = '/pages/commitments/index';
/** 数据: figures and charts for officials and residents (sub-package `figures`). */
export const FIGURES_PAGE = '/figures/index';
/** Admins: progress from a spreadsheet; staff: the CSV exports (worker sub-package). */
export const PROGRESS_IMPORT_PAGE = '/worker/progress-import/index';
export const EXPORTS_PAGE = '/worker/exports/index';

export function commitmentDetailPath(id: string): string {
  return `/pages/commitment-detail/index?id=${encodeURIComponent(id)}`;
}

export function requestDetailPath(ticketNo: string): string {
  return `/pages/request-detail/index?no=${encodeURIComponent(ticketNo)}`;
}

/** The lookup, its number already filled in (from a request's page this phone cannot open). */
export function requestLookupPath(ticketNo: string): string {
  return `${REQUEST_LOOKUP_PAGE}?no=${encodeURIComponent(ticketNo)}`;
}

/** The request form, tied to the commitment the citizen was reading. */
export function requestFormPath(commitmentId: string): string {
  return `/pages/request-form/index?commitmentId=${encodeURIComponent(commitmentId)}`;
}

/** A request as staff handle it. */
export function staffTicketPath(ticketNo: string): string {
  return `/worker/ticket-detail/index?ticketNo=${encodeURIComponent(ticketNo)}`;
}

/** The H5 deep link of an in-app path: origin + hash route, e.g. https://x/#/pages/commitment-detail/index?id=a. */
export function deepLinkUrl(origin: string, appPath: string): string {
  const route = appPath.startsWith('/') ? appPath : `/${appPath}`;
  return `${origin.replace(/\/+$/, '')}/#${route}`;
}
