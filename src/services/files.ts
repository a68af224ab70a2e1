import Taro from '@tarojs/taro';
import { ERROR_MESSAGES } from '@/domain/errors';
import { authHeaders } from './auth';
import { ApiError, apiUrl } from './http';

/** A file the person picked: its name and bytes. */
export interface PickedFile {
  name: string;
  data: ArrayBuffer;
}

/**
 * The mini-program's file picker: a CSV from a WeChat chat (where departments send their spreadsheets).
 * null when the person backs out.
 */
export async function pickCsvFile(): Promise<PickedFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] });
  } catch {
    return null;
  }
  const [file] = picked.tempFiles;
  if (!file) return null;
  const data = await new Promise<ArrayBuffer>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      success: (result) => resolve(result.data as ArrayBuffer),
      fail: () => reject(new ApiError('bad_request', '文件读取失败，请重新选择')),
    });
  });
  return { name: file.name, data };
}

/**
 * Saves a CSV the API makes (signed in when a session is there): downloaded, then sent on as a WeChat file
 * message, the mini-program's way to hand a file to the person (to a chat, or to open on a computer).
 */
export async function saveCsvFile(path: string, name: string): Promise<void> {
  const download = await Taro.downloadFile({ url: apiUrl(path), header: authHeaders() }).catch(
    () => {
      throw new ApiError('network_error', ERROR_MESSAGES.network_error);
    },
  );
  if (download.statusCode !== 200) {
    const code = download.statusCode === 403 ? 'forbidden' : 'bad_request';
    throw new ApiError(code, ERROR_MESSAGES[code], download.statusCode);
  }
  await Taro.shareFileMessage({ filePath: download.tempFilePath, fileName: name });
}
