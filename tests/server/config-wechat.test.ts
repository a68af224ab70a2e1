import { ConfigError, loadConfig } from '../../server/config';

describe('the WeChat settings', () => {
  const both = { WECHAT_APP_ID: 'wx123', WECHAT_APP_SECRET: 's3cret' };

  it('leave citizens anonymous when absent', () => {
    expect(loadConfig({}).wechat).toBeUndefined();
  });

  it('default to WeChat’s host, formal version, no notices without a template', () => {
    expect(loadConfig(both).wechat).toEqual({
      appId: 'wx123',
      appSecret: 's3cret',
      apiBase: 'https://api.weixin.qq.com',
      statusTemplate: null,
      statusFields: {
        ticketNo: 'character_string1',
        status: 'phrase2',
        time: 'time3',
        note: 'thing4',
      },
      miniprogramState: 'formal',
    });
  });

  it('take a stand-in, a template, its keys and the version notices open', () => {
    const config = loadConfig({
      ...both,
      WECHAT_API_BASE: 'http://127.0.0.1:4001/',
      WECHAT_TEMPLATE_STATUS: 'tpl-1',
      WECHAT_TEMPLATE_STATUS_FIELDS: 'character_string2,phrase1,date4,thing3',
      WECHAT_MINIPROGRAM_STATE: 'trial',
    }).wechat;
    expect(config).toMatchObject({
      apiBase: 'http://127.0.0.1:4001',
      statusTemplate: 'tpl-1',
      statusFields: {
        ticketNo: 'character_string2',
        status: 'phrase1',
        time: 'date4',
        note: 'thing3',
      },
      miniprogramState: 'trial',
    });
  });

  it.each([
    [{ WECHAT_APP_ID: 'wx123' }, /WECHAT_APP_SECRET/],
    [{ ...both, WECHAT_MINIPROGRAM_STATE: 'beta' }, /WECHAT_MINIPROGRAM_STATE/],
    [{ ...both, WECHAT_API_BASE: 'ftp://x' }, /WECHAT_API_BASE/],
    [{ ...both, WECHAT_TEMPLATE_STATUS_FIELDS: 'thing1,thing2' }, /WECHAT_TEMPLATE_STATUS_FIELDS/],
  ])('refuse %j at boot', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
