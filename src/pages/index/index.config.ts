export default definePageConfig({
  navigationBarTitleText: '民生实事 · 鹰城',
  enablePullDownRefresh: true,
});
