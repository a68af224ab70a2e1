import { fireEvent, render, screen } from '@testing-library/react';
import FieldMessage, { FormMessage, SubmitWithMessage } from '@/components/field-message';

describe('FieldMessage', () => {
  it('is a live region that is there before it has anything to say', () => {
    const { container, rerender } = render(<FieldMessage id="name-message" />);
    const region = container.querySelector('#name-message');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toBeEmptyDOMElement();

    rerender(<FieldMessage id="name-message" message="请填写用户名" />);
    expect(screen.getByText('请填写用户名')).toBe(region);
  });

  it('does not interrupt: only the form as a whole speaks as an alert', () => {
    render(
      <>
        <FieldMessage message="照片需先上传成功后再提交" />
        <FormMessage message="填写的内容有误，请按提示修改后再试" />
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('填写的内容有误');
  });
});

describe('SubmitWithMessage', () => {
  it('shows the form message above a button that waits while busy', () => {
    const submit = jest.fn();
    render(
      <SubmitWithMessage busy message="网络超时，请稍后再试" onSubmit={submit}>
        提交
      </SubmitWithMessage>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('网络超时');
    fireEvent.click(screen.getByRole('button'));
    expect(submit).not.toHaveBeenCalled();
  });
});
