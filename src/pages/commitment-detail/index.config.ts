export default definePageConfig({
  navigationBarTitleText: '民生实事详情',
  enableShareAppMessage: true,
  enablePullDownRefresh: true,
});
