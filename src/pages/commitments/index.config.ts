export default definePageConfig({
  navigationBarTitleText: '民生实事',
  enablePullDownRefresh: true,
  onReachBottomDistance: 300,
});
