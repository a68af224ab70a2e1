/** The mini-program's code lives on the phone already: nothing to keep for offline use. See offline-shell.h5.ts. */
export function registerOfflineShell(): void {}
