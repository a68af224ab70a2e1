import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FOCUSABLE } from '@/components/focusable';

/** One card of the form, under its question. */
export function Section({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="app-section request-form__section">
      <Text className="request-form__label">{label}</Text>
      {children}
    </View>
  );
}

export interface ChoiceGroupProps<T extends string> {
  /** What the group asks, for screen readers. */
  label: string;
  choices: readonly { value: T; name: string }[];
  value: T | '';
  columns?: 2 | 3;
  /** The id of the group's field message. */
  describedBy?: string;
  onPick: (value: T) => void;
}

/** Choices as large tiles, one of which is picked: a radio group a finger can hit. */
export function ChoiceGroup<T extends string>({
  label,
  choices,
  value,
  columns = 2,
  describedBy,
  onPick,
}: ChoiceGroupProps<T>) {
  return (
    <View
      className={`request-form__choices request-form__choices--${columns}`}
      ariaRole="radiogroup"
      ariaLabel={label}
      aria-describedby={describedBy}
    >
      {choices.map((choice) => (
        <View
          key={choice.value}
          className={`request-form__choice ${value === choice.value ? 'request-form__choice--on' : ''}`}
          ariaRole="radio"
          {...FOCUSABLE}
          aria-checked={value === choice.value}
          onClick={() => onPick(choice.value)}
        >
          {choice.name}
        </View>
      ))}
    </View>
  );
}
