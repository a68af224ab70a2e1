import type { StaffRole } from './staff';
import type { CommitmentStatus } from './status';

/** Commitment categories: the one list the app, the server and the dataset share, in the order residents see them. */
export const COMMITMENT_CATEGORIES = [
  { code: 'education', name: '教育' },
  { code: 'health', name: '医疗健康' },
  { code: 'housing', name: '住房与社区' },
  { code: 'employment', name: '就业' },
  { code: 'social_security', name: '社会保障' },
  { code: 'poverty', name: '脱贫攻坚' },
  { code: 'ecology', name: '生态环境' },
  { code: 'rural', name: '乡村民生' },
  { code: 'transport', name: '交通出行' },
  { code: 'culture', name: '文化体育' },
  { code: 'safety', name: '公共安全' },
  { code: 'economy', name: '重点项目与经济' },
] as const;

export type CommitmentCategory = (typeof COMMITMENT_CATEGORIES)[number]['code'];

/** A commitment category's Chinese name; an unknown code is shown as it is. */
export function commitmentCategoryName(code: string): string {
  return COMMITMENT_CATEGORIES.find((c) => c.code === code)?.name ?? code;
}

/** How a target reads: 11所 (exact), 5万人以上 (at_least), 3.5%左右 (about), 4.5%以内 (at_most), 全部 (all). */
export const TARGET_QUALIFIERS = ['exact', 'at_least', 'about', 'at_most', 'all'] as const;
export type TargetQualifier = (typeof TARGET_QUALIFIERS)[number];

export interface Target {
  value: number;
  unit: string;
  qualifier: TargetQualifier;
}

/** The comparable figure that section 一 (2019年工作回顾) reports, in the report's words. */
export interface Baseline {
  value: number;
  unit: string;
  quote: string;
}

/** One promise of the report, as the dataset in data/commitments.json holds it. */
export interface CommitmentSource {
  id: string;
  category: CommitmentCategory;
  title: string;
  quote: string;
  section: string;
  target: Target | null;
  baseline2019: Baseline | null;
  deadline: string;
}

/** A commitment as the API serves it: the promise, its progress so far, and the status derived from both. */
export interface Commitment extends CommitmentSource {
  progress: {
    /** 0–100; 0 until the first update. */
    percent: number;
    /** The delivered figure in the target's unit, when a worker has reported one. */
    current: number | null;
    /** The day (YYYY-MM-DD, Beijing) the current figure describes: the latest `asOf` reported; null until then. */
    asOf: string | null;
    /** The earliest `asOf` of an update that reached the target; null while none has. Decides 按期 or 逾期. */
    reachedOn: string | null;
  };
  /** While the deadline is ahead, how the work goes; after it, the verdict (see status.ts). */
  status: CommitmentStatus;
  /** When progress last moved; null until the first update. */
  updatedAt: string | null;
}

/** One progress report of a worker. Append-only: a correction is a new update. */
export interface CommitmentUpdate {
  id: string;
  commitmentId: string;
  author: { name: string; role: StaffRole };
  value: number | null;
  percent: number;
  note: string;
  photos: string[];
  /** The day (YYYY-MM-DD, Beijing) the figure describes; the timeline is ordered by it. */
  asOf: string;
  /** When it was posted. */
  createdAt: string;
}

export interface CommitmentDetail extends Commitment {
  updates: CommitmentUpdate[];
}

/** One page of a cursor-paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}
