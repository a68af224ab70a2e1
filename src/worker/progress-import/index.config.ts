export default definePageConfig({
  navigationBarTitleText: '批量导入进展',
});
