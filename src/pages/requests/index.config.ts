export default definePageConfig({
  navigationBarTitleText: '民呼必应',
});
