import Taro from '@tarojs/taro';

// Photos picked with no network wait on the phone until their request is sent (see outbox.ts).
// Mini-program: a picked photo is a temporary file, gone once the mini-program closes, so it is saved.

export async function keepLocalPhoto(tempPath: string): Promise<string> {
  try {
    return Taro.getFileSystemManager().saveFileSync(tempPath);
  } catch {
    return tempPath; // no room to save: it still goes up if sent before the mini-program closes
  }
}

export async function localPhotoExists(path: string): Promise<boolean> {
  try {
    Taro.getFileSystemManager().accessSync(path);
    return true;
  } catch {
    return false;
  }
}

export function forgetLocalPhoto(path: string): void {
  Taro.getFileSystemManager().removeSavedFile({ filePath: path, fail: () => undefined });
}
