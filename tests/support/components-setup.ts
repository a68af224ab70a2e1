import '@testing-library/jest-dom';

// NutUI's icons set an inline `-webkitMask` style, which React's development build warns about on every
// render. It is the library's, harmless in the app, and would bury our own warnings; every other error stays.
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  if (String(args[0]).includes('Unsupported style property %s') && args[1] === '-webkitMask')
    return;
  consoleError(...args);
};

// jsdom lays nothing out, so it has no scrollIntoView; the H5 tabs call it when the chosen tab changes. (A test
// file may ask for Node's environment instead, without a DOM.)
if (typeof Element !== 'undefined') Element.prototype.scrollIntoView ??= () => {};
