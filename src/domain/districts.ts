/** Pingdingshan's districts, counties and county-level cities. */
export const DISTRICTS = [
  '新华区',
  '卫东区',
  '湛河区',
  '石龙区',
  '高新区',
  '城乡一体化示范区',
  '宝丰县',
  '叶县',
  '鲁山县',
  '郏县',
  '舞钢市',
  '汝州市',
] as const;

export type District = (typeof DISTRICTS)[number];
