import type { District } from '../../src/domain/districts';
import type { TicketCategory } from '../../src/domain/ticket';
import type { Random } from './random';

/** How the sample requests spread over the city: roughly by population, the urban districts busier. */
export const DISTRICT_WEIGHTS: ReadonlyArray<readonly [District, number]> = [
  ['新华区', 12],
  ['卫东区', 10],
  ['湛河区', 11],
  ['石龙区', 3],
  ['高新区', 6],
  ['城乡一体化示范区', 4],
  ['宝丰县', 8],
  ['叶县', 10],
  ['鲁山县', 10],
  ['郏县', 7],
  ['舞钢市', 6],
  ['汝州市', 13],
];

/** What people call 12345 about, most often first. */
export const CATEGORY_WEIGHTS: ReadonlyArray<readonly [TicketCategory, number]> = [
  ['municipal', 22],
  ['environment', 17],
  ['housing', 14],
  ['transport', 10],
  ['employment', 8],
  ['health', 7],
  ['education', 6],
  ['care', 5],
  ['safety', 4],
  ['other', 7],
];

const ROADS = [
  '建设路',
  '中兴路',
  '矿工路',
  '光明路',
  '开源路',
  '湛河北路',
  '新华路',
  '体育路',
  '凌云路',
  '和平路',
  '南环路',
  '姚电大道',
  '园林路',
  '曙光街',
  '优越路',
  '平安大道',
];

const PLACES = ['小区', '家属院', '社区', '村', '菜市场', '学校门口', '公交站', '十字路口'];

const PROBLEMS: Record<TicketCategory, readonly string[]> = {
  municipal: [
    '的路灯坏了好几天，晚上出行很不方便',
    '有个井盖松动，车一压就响，担心有人踩空',
    '路面塌了一个坑，雨天积水，电动车经过很危险',
    '停水两天了，也没有看到通知，请尽快恢复供水',
  ],
  environment: [
    '的垃圾桶满了没人清运，天热气味很大',
    '附近饭店油烟直排，窗户都不敢开',
    '工地晚上十一点以后还在施工，噪音影响休息',
    '的下水道堵了，污水漫到路面上',
  ],
  education: [
    '孩子今年上小学，想问一下学区划分和报名时间',
    '的幼儿园收费有变化，想了解普惠园的收费标准',
    '放学时段学校门口拥堵，希望安排交警疏导',
  ],
  health: [
    '想了解门诊慢性病医保报销的办理流程',
    '的社区卫生服务站经常没人值班，老人看病不方便',
    '异地就医备案后报销比例不清楚，请帮忙解答',
  ],
  housing: [
    '的老旧小区改造停工很久了，楼道里的材料一直堆着',
    '物业不作为，电梯坏了一周没人修',
    '的棚改安置房什么时候能交房，想了解进度',
  ],
  employment: [
    '在工地干了三个月，工资一直没有结清',
    '想报名参加政府组织的免费技能培训，怎么报名',
    '退休手续办完了，养老金还没有到账',
  ],
  care: [
    '家里老人行动不便，想申请居家养老上门服务',
    '附近有没有普惠托育机构，想了解收费和名额',
    '残疾人补贴申请提交后一直没有消息',
  ],
  transport: [
    '的公交车班次太少，早高峰等车要半个多小时',
    '小区周边乱停车严重，消防通道都被堵了',
    '的电动汽车充电桩坏了好几个，一直没人维修',
  ],
  safety: [
    '楼道里堆满了杂物，还有人在楼道给电动车充电',
    '的一处老房子墙体开裂，担心会倒塌',
    '附近一家小吃店卫生条件很差，担心食品安全',
  ],
  other: [
    '建议在附近增设一处便民服务点',
    '想咨询一下办理居住证需要准备哪些材料',
    '建议公园晚上延长开放时间，方便市民锻炼',
  ],
};

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '孙',
  '马',
  '朱',
  '胡',
];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明'];

/** What a citizen writes: where, then what is wrong there. */
export function requestText(random: Random, category: TicketCategory) {
  const road = random.pick(ROADS);
  const place = `${road}${random.int(1, 200)}号${random.pick(PLACES)}`;
  return { content: `${place}${random.pick(PROBLEMS[category])}。`, address: place };
}

/** A contact name as people give it on the phone: 王先生, 李女士. */
export function contactName(random: Random): string {
  return `${random.pick(SURNAMES)}${random.chance(0.5) ? '先生' : '女士'}`;
}

/** A mobile number that passes the form's rule; 199 0000 xxxx, so that none reaches a real person's phone. */
export function samplePhone(random: Random): string {
  return `1990000${String(random.int(0, 9999)).padStart(4, '0')}`;
}

/** The community workers of each district who handle its requests: a few names each. */
export function workerNames(random: Random, districts: readonly District[]) {
  return new Map(
    districts.map((d) => [
      d,
      Array.from({ length: 4 }, () => `${random.pick(SURNAMES)}${random.pick(GIVEN)}`),
    ]),
  );
}

export const STAFF_NOTES = {
  dispatched: ['已派单至属地社区办理', '已转交相关职能部门处理', '已派单，请承办单位尽快联系'],
  in_progress: ['工作人员已到现场查看，正在处理', '已联系诉求人了解情况，正在协调', '正在办理中'],
  reply: [
    '已电话联系诉求人，说明办理进度',
    '材料已收到，正在核实',
    '已协调相关单位，预计本周内办结',
  ],
  resolved: [
    '问题已处理完毕，已回访诉求人',
    '已按诉求人要求办结，并电话告知',
    '已答复诉求人，问题已解决',
  ],
} as const;

export const RATING_COMMENTS = {
  satisfied: ['处理很及时，谢谢', '态度很好，问题解决了', null, null, null],
  unsatisfied: ['问题没有彻底解决', '只打了电话，没有人来现场', '处理太慢了'],
} as const;
