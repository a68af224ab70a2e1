import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';

/** A field's own message, under the field (styles in worker.scss). */
export function FieldError({ message }: { message?: string | null }) {
  return message ? <Text className="worker-field__error">{message}</Text> : null;
}

interface SubmitProps {
  className: string;
  busy: boolean;
  /** What went wrong with the last try as a whole, read out by screen readers. */
  error?: string | null;
  onSubmit: () => unknown;
  children: ReactNode;
}

/** A worker form's submit button, with the form's error just above it where the eye already is. */
export function SubmitWithError({ className, busy, error, onSubmit, children }: SubmitProps) {
  return (
    <>
      {error ? (
        <View className="worker-error" ariaRole="alert">
          {error}
        </View>
      ) : null}
      <Button
        className={className}
        type="primary"
        block
        loading={busy}
        disabled={busy}
        onClick={() => void onSubmit()}
      >
        {children}
      </Button>
    </>
  );
}
