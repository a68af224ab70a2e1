export default defineAppConfig({
  pages: ['pages/index/index', 'pages/commitments/index', 'pages/requests/index', 'pages/me/index'],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '民生实事',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
  tabBar: {
    color: '#5c6066',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/commitments/index', text: '民生实事' },
      { pagePath: 'pages/requests/index', text: '民呼必应' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
});
