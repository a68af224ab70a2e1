export default definePageConfig({
  navigationBarTitleText: '上报进展',
  // The share card of a just-updated commitment (useShare → useShareAppMessage on WeChat).
  enableShareAppMessage: true,
});
