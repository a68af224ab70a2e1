import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import './index.scss';

export interface FieldMessageProps {
  /** What is wrong with the field; nothing is shown without one. */
  message?: string | null;
  /** The id the field names in `aria-describedby`, so a screen reader reads the message with the field. */
  id?: string;
}

/**
 * A field's own message, under the field. The region is always there, empty until there is something to say, so
 * screen readers announce a message as it appears (`aria-live`) without interrupting what they are reading.
 */
export default function FieldMessage({ message, id }: FieldMessageProps) {
  return (
    <View
      id={id}
      className={message ? 'field-message field-message--shown' : 'field-message'}
      aria-live="polite"
    >
      {message ?? ''}
    </View>
  );
}

/** What went wrong with the form as a whole (refused, offline, not ready), read out at once. */
export function FormMessage({ message }: { message?: string | null }) {
  return message ? (
    <View className="form-message" ariaRole="alert">
      {message}
    </View>
  ) : null;
}

export interface SubmitWithMessageProps {
  className?: string;
  busy: boolean;
  /** The form's message, shown just above the button where the eye already is. */
  message?: string | null;
  size?: 'normal' | 'large';
  onSubmit: () => unknown;
  children: ReactNode;
}

/** A form's submit button, with the form's message above it. */
export function SubmitWithMessage({
  className,
  busy,
  message,
  size = 'normal',
  onSubmit,
  children,
}: SubmitWithMessageProps) {
  return (
    <>
      <FormMessage message={message} />
      <Button
        className={`form-submit ${className ?? ''}`}
        type="primary"
        block
        size={size}
        loading={busy}
        disabled={busy}
        onClick={() => void onSubmit()}
      >
        {children}
      </Button>
    </>
  );
}
