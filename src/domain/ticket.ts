/** 民呼必应 request categories, and how many days the city gives itself to close each. */
export const TICKET_CATEGORIES = [
  { code: 'municipal', name: '市政设施', hint: '路灯、道路、井盖、供水供气', dueDays: 7 },
  { code: 'environment', name: '环境卫生', hint: '垃圾、污水、噪音、油烟', dueDays: 7 },
  { code: 'education', name: '教育入学', hint: '入园入学、学位、校车', dueDays: 10 },
  { code: 'health', name: '医疗卫生', hint: '看病就医、医保报销', dueDays: 10 },
  { code: 'housing', name: '住房物业', hint: '老旧小区、物业、棚改安置', dueDays: 15 },
  { code: 'employment', name: '就业社保', hint: '找工作、工资拖欠、养老金', dueDays: 10 },
  { code: 'care', name: '养老托幼', hint: '养老服务、托育、助残', dueDays: 10 },
  { code: 'transport', name: '交通出行', hint: '公交、停车、充电桩', dueDays: 7 },
  { code: 'safety', name: '安全隐患', hint: '消防、危房、食品安全', dueDays: 3 },
  { code: 'other', name: '其他', hint: '其他意见和建议', dueDays: 15 },
] as const;

export type TicketCategory = (typeof TICKET_CATEGORIES)[number]['code'];
