import { Text, View } from '@tarojs/components';
import { Button, SearchBar } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import { FOCUSABLE } from '@/components/focusable';
import { useResource } from '@/hooks/use-resource';
import { listCommitments } from '@/services/commitments';
import { useElderMode } from '@/services/elder-mode';

const SEARCH_DELAY_MS = 300;

export interface CommitmentPickerProps {
  value: { id: string; title: string } | null;
  onChange: (value: { id: string; title: string } | null) => void;
}

/** Links a request to one commitment: shows the chosen one, or searches them by words of its title. */
export default function CommitmentPicker({ value, onChange }: CommitmentPickerProps) {
  const [q, setQ] = useState('');
  const [words, setWords] = useState('');
  const elder = useElderMode();

  // Wait for a pause in typing before asking the server.
  useEffect(() => {
    const timer = setTimeout(() => setWords(q.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q]);
  const load = useCallback(
    () => listCommitments({ q: words }, null, 5).then(({ data }) => data.items),
    [words],
  );
  // The last answer stays while the next one comes, so the list does not blink at each key.
  const found = useResource(words ? load : null, { pullDown: false, keepData: true });
  const message =
    found.status === 'error'
      ? found.error
      : found.data?.length === 0 && !found.replacing
        ? '没有找到，换个词试试'
        : '';

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
        placeholder={elder ? '输入关键词，如：路灯' : '输入关键词查找，例如：学位、路灯'}
        value={q}
        onChange={(text) => setQ(text)}
        onClear={() => setQ('')}
      />
      {(q.trim() ? (found.data ?? []) : []).map((c) => (
        <View
          key={c.id}
          className="commitment-picker__item"
          ariaRole="button"
          {...FOCUSABLE}
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
