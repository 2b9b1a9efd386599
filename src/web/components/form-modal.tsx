import type { FormInstance, FormProps } from 'antd';
import { Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useRef, useState } from 'react';
import { keepEnterInDatePickers } from '../lib/form-rules.ts';
import { useApiErrorHandler } from './use-api-error.ts';

type FormModalProps<V extends object> = {
  title: ReactNode;
  form: FormInstance<V>;
  initialValues?: FormProps<V>['initialValues'];
  onValuesChange?: FormProps<V>['onValuesChange'];
  /** Sends the form; a rejection is shown (message + field errors) and keeps the modal open. */
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  okText?: string;
  width?: number;
  children: ReactNode;
};

/**
 * A modal form, mounted only while open (so every opening starts from `initialValues`).
 * Validates with the field rules, disables 「保存」 while submitting, maps server errors back.
 */
export function FormModal<V extends object>({
  title,
  form,
  initialValues,
  onValuesChange,
  onSubmit,
  onClose,
  okText = '保存',
  width = 560,
  children,
}: FormModalProps<V>) {
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false); // guards against a second Enter/click while the first save runs
  const handleError = useApiErrorHandler();

  const submit = async () => {
    if (busy.current) return;
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the invalid fields show their own messages
    }
    busy.current = true;
    setSubmitting(true);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      handleError(error, form);
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      cancelButtonProps={{ disabled: submitting }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        onFinish={() => void submit()}
        onKeyDown={keepEnterInDatePickers}
        requiredMark
        scrollToFirstError
      >
        {children}
        {/* Enter in a text field submits, like the 「保存」 button (not in a date field: there it confirms the date). */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
