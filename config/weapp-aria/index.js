// A Taro plugin (config/index.ts): on the mini-program, Taro's views, texts and images take the aria attributes
// WeChat reads (components.js), so what the code says to screen readers (roles, names, selected and checked states,
// live regions) reaches WXML as it reaches the browser. Nothing changes on H5, where Taro writes them already.
const path = require('node:path');
const { ARIA_COMPONENTS } = require('./components.js');

const RUNTIME = path.join(__dirname, 'runtime.js');

/** Adds the attributes to a weapp platform's templates and its runtime; any other platform is left as it is. */
function addAria(ctx, platform) {
  if (platform.platform !== 'weapp') return;
  platform.template.mergeComponents(ctx, ARIA_COMPONENTS);
  const runtime = Array.isArray(platform.runtimePath)
    ? platform.runtimePath
    : [platform.runtimePath];
  if (!runtime.includes(RUNTIME)) platform.runtimePath = [...runtime, RUNTIME];
}

module.exports = (ctx) => {
  // Called by the platform once its own templates are set up, before the build (as @tarojs/plugin-html does).
  ctx.registerMethod({ name: 'onSetupClose', fn: (platform) => addAria(ctx, platform) });
};
module.exports.addAria = addAria;
