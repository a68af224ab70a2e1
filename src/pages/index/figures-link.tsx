import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { FIGURES_PAGE } from '@/app-paths';
import { FOCUSABLE } from '@/components/focusable';

/** 首页's way to 数据: the charts of completion, requests, closure and satisfaction, with their figures as text. */
export default function FiguresLink() {
  return (
    <View
      className="app-section home-figures-link"
      ariaRole="link"
      {...FOCUSABLE}
      data-testid="figures-link"
      onClick={() => void Taro.navigateTo({ url: FIGURES_PAGE })}
    >
      <Text className="app-section__title">数据与图表 ›</Text>
      <Text className="app-muted">各类完成情况、每周诉求量、办结率、满意率和各区县诉求量</Text>
    </View>
  );
}
