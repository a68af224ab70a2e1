// Every page issue 16 lists, in the order a person meets them, each ready when its content is on screen.
import type { Page } from 'playwright-core';

export const WORKER = { username: 'a11y01', password: 'yingcheng2020', district: '新华区' };
export const COMMITMENT_ID = 'edu-kindergartens-11';

export interface Stop {
  name: string;
  /** Where to go (a hash route), or nothing to stay on the page the last step left. */
  path?: string;
  /** Waits for the page's content, and does what the stop is about (a filter, a send). */
  ready: (page: Page) => Promise<void>;
}

const WAIT = { timeout: 30_000 };

/** A NutUI button by its words; Taro H5 buttons listen to touch. */
const button = (page: Page, text: string) =>
  page.locator('.nut-button').filter({ hasText: text }).first();

/** Taps a radio or checkbox by its name and waits until it shows as chosen: a lost tap fails here, by name. */
async function choose(page: Page, role: 'radio' | 'checkbox', name: string) {
  await page.getByRole(role, { name }).tap();
  await page.getByRole(role, { name, checked: true }).waitFor(WAIT);
}

async function fileRequest(page: Page) {
  await choose(page, 'radio', '市政设施');
  const content = page.locator('.request-form__textarea textarea').first();
  await content.tap();
  await content.fill('新华区建设路东段的路灯坏了一个多星期，晚上看不清路');
  await choose(page, 'radio', '新华区');
  await choose(page, 'checkbox', '匿名反映（可以不留电话）');
  await choose(page, 'checkbox', '我已阅读并同意以上说明');
  await button(page, '提交诉求').tap();
  await page.getByText('您的受理编号').waitFor(WAIT);
}

/** The resident's pages; `ticketNo` is a request this phone filed (its token is in storage). */
export function residentStops(ticketNo: string): Stop[] {
  return [
    {
      name: 'home',
      path: '/pages/index/index',
      ready: (page) => page.getByText(/数据截至 \d{4}/).waitFor(WAIT),
    },
    {
      name: 'commitments-filtered',
      path: '/pages/commitments/index',
      ready: async (page) => {
        await page.locator('.commitments-page .commitment-card').first().waitFor(WAIT);
        await page.locator('.filters__categories').getByText('教育', { exact: true }).tap();
        await page.getByText(/共 \d+ 项（已筛选）/).waitFor(WAIT);
      },
    },
    {
      name: 'commitment-detail',
      path: `/pages/commitment-detail/index?id=${COMMITMENT_ID}`,
      ready: (page) => page.getByText('报告原文').waitFor(WAIT),
    },
    {
      name: 'requests-empty',
      path: '/pages/requests/index',
      ready: (page) => page.getByText('反映什么问题').waitFor(WAIT),
    },
    {
      name: 'requests-errors',
      ready: async (page) => {
        await button(page, '提交诉求').tap();
        await page.getByText('请选择诉求类别').waitFor(WAIT);
        await page.getByText('请阅读并同意个人信息处理说明').waitFor(WAIT);
      },
    },
    { name: 'receipt', ready: fileRequest },
    {
      name: 'my-requests',
      path: '/pages/my-requests/index',
      ready: (page) => page.getByTestId('my-request').first().waitFor(WAIT),
    },
    {
      name: 'request-detail',
      path: `/pages/request-detail/index?no=${encodeURIComponent(ticketNo)}`,
      ready: (page) => page.getByText('办理经过').waitFor(WAIT),
    },
    {
      name: 'request-lookup',
      path: `/pages/request-lookup/index?no=${encodeURIComponent(ticketNo)}`,
      ready: (page) => page.getByText('用受理编号和手机号查询').waitFor(WAIT),
    },
    {
      name: 'me',
      path: '/pages/me/index',
      ready: (page) => page.getByText('关于本程序').waitFor(WAIT),
    },
    {
      name: 'about',
      path: '/pages/about/index',
      ready: (page) => page.getByText('数据从哪里来').waitFor(WAIT),
    },
  ];
}

/** The worker's pages, from sign-in; `ticketNo` is a request of the worker's district. */
export function workerStops(ticketNo: string): Stop[] {
  return [
    {
      name: 'worker-login',
      path: '/worker/login/index',
      ready: (page) => page.locator('input[placeholder="请输入用户名"]').waitFor(WAIT),
    },
    {
      name: 'worker-home',
      ready: async (page) => {
        await page.locator('input[placeholder="请输入用户名"]').fill(WORKER.username);
        await page.locator('input[placeholder="请输入密码"]').fill(WORKER.password);
        await button(page, '登录').tap();
        await page.getByText(/待办 \d+ 件/).waitFor(WAIT);
      },
    },
    {
      name: 'worker-queue',
      path: '/worker/tickets/index',
      ready: (page) => page.getByTestId('ticket-item').first().waitFor(WAIT),
    },
    {
      name: 'worker-ticket',
      path: `/worker/ticket-detail/index?ticketNo=${encodeURIComponent(ticketNo)}`,
      ready: (page) => page.getByText('办理记录').waitFor(WAIT),
    },
    {
      name: 'worker-progress-form',
      path: `/worker/post-update/index?id=${COMMITMENT_ID}`,
      ready: (page) => page.getByText('进展说明').waitFor(WAIT),
    },
  ];
}
