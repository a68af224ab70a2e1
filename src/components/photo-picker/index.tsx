import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import { FOCUSABLE } from '@/components/focusable';
import FieldMessage from '@/components/field-message';
import { isUploadUrl } from '@/domain/uploads';
import { ApiError } from '@/services/http';
import { forgetLocalPhoto, keepLocalPhoto } from '@/services/local-photos';
import { mediaUrl } from '@/services/media';
import { uploadPhoto } from '@/services/uploads';
import './index.scss';

/** What a form says when it is sent while photos are still going up. */
export const PHOTOS_UPLOADING = '照片还在上传，请等上传完再提交';

export interface PhotoPickerProps {
  value: string[];
  /** How many photos the form takes. */
  max: number;
  /**
   * Given an update of the list as it is then, not a new list: an upload finishes after other picks and
   * deletions, and must not undo them.
   */
  onChange: (update: (photos: string[]) => string[]) => void;
  /** How many photos are on their way up; a form waits for them before it sends. */
  onUploadingChange?: (count: number) => void;
  /**
   * With no network, keep the photo on the phone to go up with the request (the 民呼必应 outbox does that);
   * otherwise a photo that did not go up is left out.
   */
  keepWhenOffline?: boolean;
}

/** Photos picked from the album or camera, each uploaded at once so that the form sends only their URLs. */
export default function PhotoPicker({
  value,
  max,
  onChange,
  onUploadingChange,
  keepWhenOffline = false,
}: PhotoPickerProps) {
  const [uploading, setUploading] = useState(0);
  const [message, setMessage] = useState('');
  const waiting = value.filter((photo) => !isUploadUrl(photo)).length;
  const room = max - value.length - uploading;

  useEffect(() => onUploadingChange?.(uploading), [uploading, onUploadingChange]);
  // An upload that ends after the form has gone (sent, or the page closed) is left unused: the server sweeps it.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const add = (photo: string) => onChange((photos) => [...photos, photo].slice(0, max));

  async function pick() {
    setMessage('');
    let paths: string[];
    try {
      const chosen = await Taro.chooseImage({
        count: room,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      paths = chosen.tempFilePaths.slice(0, room);
    } catch {
      return; // the person closed the picker
    }
    setUploading((n) => n + paths.length);
    for (const path of paths) {
      try {
        const url = await uploadPhoto(path);
        if (!mounted.current) return;
        add(url);
      } catch (error) {
        if (!mounted.current) return;
        if (keepWhenOffline && error instanceof ApiError && error.isNetworkError) {
          add(await keepLocalPhoto(path));
        } else {
          setMessage(`有照片没传上去：${(error as Error).message}`);
        }
      } finally {
        if (mounted.current) setUploading((n) => n - 1);
      }
    }
  }

  function remove(photo: string) {
    if (!isUploadUrl(photo)) forgetLocalPhoto(photo);
    onChange((photos) => photos.filter((p) => p !== photo));
  }

  return (
    <View className="photo-picker">
      <View className="photo-picker__grid">
        {value.map((url, i) => (
          <View key={url} className="photo-picker__photo">
            <Image
              className="photo-picker__image"
              src={mediaUrl(url)}
              mode="aspectFill"
              ariaLabel={`照片 ${i + 1}`}
              nativeProps={{ alt: `照片 ${i + 1}` }}
            />
            {isUploadUrl(url) ? null : <Text className="photo-picker__waiting">待上传</Text>}
            <View
              className="photo-picker__remove"
              ariaRole="button"
              {...FOCUSABLE}
              ariaLabel={`删除照片 ${i + 1}`}
              onClick={() => remove(url)}
            >
              删除
            </View>
          </View>
        ))}
        {Array.from({ length: uploading }, (_, i) => (
          <View key={`up-${i}`} className="photo-picker__photo">
            <Text>上传中…</Text>
          </View>
        ))}
      </View>
      {room > 0 ? (
        <Button className="photo-picker__add" fill="outline" onClick={() => void pick()}>
          添加照片（{value.length}/{max}）
        </Button>
      ) : null}
      {waiting > 0 ? (
        <Text className="photo-picker__hint">
          标着“待上传”的照片是没有网络时选的，先存在手机上，会和诉求一起发出
        </Text>
      ) : null}
      <FieldMessage message={message} />
    </View>
  );
}
