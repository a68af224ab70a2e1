import { Text, View } from '@tarojs/components';
import { Button, SearchBar } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { Commitment } from '@/domain/commitment';
import { listCommitments } from '@/services/commitments';

const SEARCH_DELAY_MS = 300;

export interface CommitmentPickerProps {
  value: { id: string; title: string } | null;
  onChange: (value: { id: string; title: string } | null) => void;
}

/** Links a request to one commitment: shows the chosen one, or searches them by words of its title. */
export default function CommitmentPicker({ value, onChange }: CommitmentPickerProps) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Commitment[]>([]);
  const [message, setMessage] = useState('');

  useEffect(() => {
    const words = q.trim();
    if (!words) return;
    let current = true;
    const timer = setTimeout(() => {
      listCommitments({ q: words }, null, 5)
        .then(({ data }) => {
          if (!current) return;
          setFound(data.items);
          setMessage(data.items.length === 0 ? '没有找到，换个词试试' : '');
        })
        .catch((error: Error) => current && setMessage(error.message));
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q]);

  if (value) {
    return (
      <View className="commitment-picker__chosen" data-testid="linked-commitment">
        <Text className="commitment-picker__title">{value.title}</Text>
        <Button size="small" fill="outline" onClick={() => onChange(null)}>
          不关联
        </Button>
      </View>
    );
  }
  return (
    <View className="commitment-picker">
      <SearchBar
        placeholder="输入关键词查找，例如：学位、路灯"
        value={q}
        onChange={(text) => setQ(text)}
        onClear={() => setQ('')}
      />
      {(q.trim() ? found : []).map((c) => (
        <View
          key={c.id}
          className="commitment-picker__item"
          ariaRole="button"
          onClick={() => {
            onChange({ id: c.id, title: c.title });
            setQ('');
          }}
        >
          {c.title}
        </View>
      ))}
      {q.trim() && message ? <Text className="request-form__hint">{message}</Text> : null}
    </View>
  );
}
