import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { TICKET_LIMITS } from '@/domain/ticket-rules';
import { mediaUrl } from '@/services/media';
import { uploadPhoto } from '@/services/uploads';

export interface PhotoPickerProps {
  value: string[];
  onChange: (photos: string[]) => void;
}

/** Up to three photos: picked from the album or camera, each uploaded at once so the request carries only URLs. */
export default function PhotoPicker({ value, onChange }: PhotoPickerProps) {
  const [uploading, setUploading] = useState(0);
  const [message, setMessage] = useState('');
  const room = TICKET_LIMITS.photosMax - value.length - uploading;

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
    const urls: string[] = [];
    for (const path of paths) {
      try {
        urls.push(await uploadPhoto(path));
      } catch (error) {
        setMessage(`有照片没传上去：${(error as Error).message}`);
      } finally {
        setUploading((n) => n - 1);
      }
    }
    if (urls.length > 0) onChange([...value, ...urls].slice(0, TICKET_LIMITS.photosMax));
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
            />
            <View
              className="photo-picker__remove"
              ariaRole="button"
              ariaLabel={`删除照片 ${i + 1}`}
              onClick={() => onChange(value.filter((u) => u !== url))}
            >
              删除
            </View>
          </View>
        ))}
        {Array.from({ length: uploading }, (_, i) => (
          <View key={`up-${i}`} className="photo-picker__photo photo-picker__photo--loading">
            <Text>上传中…</Text>
          </View>
        ))}
      </View>
      {room > 0 ? (
        <Button className="photo-picker__add" fill="outline" onClick={() => void pick()}>
          添加照片（{value.length}/{TICKET_LIMITS.photosMax}）
        </Button>
      ) : null}
      {message ? (
        <View className="request-form__error" ariaRole="alert">
          {message}
        </View>
      ) : null}
    </View>
  );
}
