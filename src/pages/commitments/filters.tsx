import { View } from '@tarojs/components';
import { SearchBar } from '@nutui/nutui-react-taro';
import { memo, useEffect, useRef, useState } from 'react';
import AppTabs from '@/components/app-tabs';
import { FOCUSABLE } from '@/components/focusable';
import { COMMITMENT_CATEGORIES } from '@/domain/commitment';
import { COMMITMENT_STATUSES } from '@/domain/status';

export const ALL = 'all';

const CATEGORY_TABS = [{ code: ALL, name: '全部' }, ...COMMITMENT_CATEGORIES];
const STATUS_OPTIONS = [{ code: ALL, name: '全部' }, ...COMMITMENT_STATUSES];

export const CategoryTabs = memo(function CategoryTabs({
  value,
  onChange,
}: {
  value: string;
  onChange: (code: string) => void;
}) {
  return (
    <AppTabs
      className="filters__categories"
      tabs={CATEGORY_TABS}
      value={value}
      onChange={onChange}
      label="按类别筛选"
    />
  );
});

/** Status as words on buttons (never colour alone); the chosen one is marked and announced as selected. */
export const StatusFilter = memo(function StatusFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (code: string) => void;
}) {
  return (
    <View className="filters__status" ariaRole="radiogroup" ariaLabel="按状态筛选">
      {STATUS_OPTIONS.map((s) => {
        const selected = s.code === value;
        return (
          <View
            key={s.code}
            className={`filters__chip ${selected ? 'filters__chip--selected' : ''}`}
            ariaRole="radio"
            aria-checked={selected}
            {...FOCUSABLE}
            data-testid={`status-${s.code}`}
            onClick={() => onChange(s.code)}
          >
            {selected ? '✓ ' : ''}
            {s.name}
          </View>
        );
      })}
    </View>
  );
});

/** The search box; tells the list only after typing pauses, so the cards don't redraw on every key. */
export const SearchBox = memo(function SearchBox({
  value,
  onSearch,
}: {
  value: string;
  onSearch: (q: string) => void;
}) {
  const [text, setText] = useState(value);
  // A new value from the page (filters cleared) replaces what was typed.
  const [given, setGiven] = useState(value);
  if (given !== value) {
    setGiven(value);
    setText(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const change = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onSearch(next.trim()), 400);
  };
  return (
    <SearchBar
      className="filters__search"
      value={text}
      placeholder="搜索民生实事，如 幼儿园"
      maxLength={50}
      onChange={change}
      onSearch={(q) => {
        clearTimeout(timer.current);
        onSearch(q.trim());
      }}
      onClear={() => change('')}
    />
  );
});
