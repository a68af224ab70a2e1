import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createWechatClient, type WechatClient } from '../../wechat/client';
import { createNoticeSender, type NoticeSender } from '../../wechat/sender';

declare module 'fastify' {
  interface FastifyInstance {
    /** WeChat's API, or null without the WeChat settings (H5 and local use: citizens stay anonymous). */
    wechat: WechatClient | null;
    /** This process's sender of status notices (null without the WeChat settings). */
    notices: NoticeSender | null;
  }
}

/** How often each process looks for notices due: a move is told within seconds. */
export const NOTICE_POLL_MS = 2_000;

/** The WeChat client, and the sender of status notices running from ready to close. */
async function wechatPlugin(app: FastifyInstance) {
  const config = app.config.wechat;
  if (!config) {
    app.decorate('wechat', null);
    app.decorate('notices', null);
    return;
  }
  const client = createWechatClient({ ...config, now: app.now });
  const notices = createNoticeSender({
    db: app.db,
    client,
    config,
    now: app.now,
    log: app.log.child({ module: 'status-notices' }),
    skipLocked: app.dialect === 'postgres',
  });
  app.decorate('wechat', client);
  app.decorate('notices', notices);
  app.addHook('onReady', async () => notices.start(NOTICE_POLL_MS));
  app.addHook('onClose', async () => notices.stop());
}

export default fp(wechatPlugin, {
  name: 'wechat',
  dependencies: ['database'],
  decorators: { fastify: ['config', 'now'] },
});
