// Photos picked with no network wait on the phone until their request is sent (see outbox.ts).
// Browser: a picked photo is a blob: URL, alive until the page is closed or reloaded.

export async function keepLocalPhoto(tempPath: string): Promise<string> {
  return tempPath;
}

export async function localPhotoExists(path: string): Promise<boolean> {
  try {
    return (await fetch(path)).ok;
  } catch {
    return false;
  }
}

export function forgetLocalPhoto(path: string): void {
  if (path.startsWith('blob:')) URL.revokeObjectURL(path);
}
