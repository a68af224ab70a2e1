import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { mediaUrl } from '@/services/media';
import './index.scss';

/** Photos as thumbnails that open full-screen, swipeable, on tap. Renders nothing without photos. */
export default function PhotoGrid({
  photos,
  label = '照片',
}: {
  photos: string[];
  label?: string;
}) {
  if (photos.length === 0) return null;
  const urls = photos.map(mediaUrl);
  return (
    <View className="photo-grid">
      {urls.map((url, index) => (
        <Image
          key={url}
          className="photo-grid__photo"
          src={url}
          mode="aspectFill"
          lazyLoad
          ariaLabel={`${label} ${index + 1}，点按查看大图`}
          nativeProps={{ alt: `${label} ${index + 1}` }}
          onClick={() => void Taro.previewImage({ urls, current: url })}
        />
      ))}
    </View>
  );
}
