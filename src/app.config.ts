export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/commitments/index',
    'pages/requests/index',
    'pages/me/index',
    'pages/commitment-detail/index',
    'pages/about/index',
    'pages/request-form/index',
    'pages/my-requests/index',
    'pages/request-detail/index',
    'pages/request-lookup/index',
  ],
  subPackages: [
    {
      root: 'worker',
      pages: [
        'login/index',
        'home/index',
        'tickets/index',
        'ticket-detail/index',
        'post-update/index',
        'progress-import/index',
        'exports/index',
      ],
    },
    // 数据: the charts, kept out of the main package.
    { root: 'figures', pages: ['index'] },
  ],
  // 选择位置 in the request form (services/location.ts).
  requiredPrivateInfos: ['chooseLocation'],
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
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/commitments/index',
        text: '民生实事',
        iconPath: 'assets/tabbar/list.png',
        selectedIconPath: 'assets/tabbar/list-active.png',
      },
      {
        pagePath: 'pages/requests/index',
        text: '民呼必应',
        iconPath: 'assets/tabbar/requests.png',
        selectedIconPath: 'assets/tabbar/requests-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
});
