// A citizen form as GOV.UK frames one: the browser's own validation off (the schema checks on
// submit), and the error summary first, so it takes focus above the fields it links to.
import type { FormHTMLAttributes, ReactNode } from 'react';
import { ErrorSummary } from './ErrorSummary.tsx';
import type { Form } from './use-form.ts';

interface Props extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'> {
  form: Form;
  /** The summary's heading ("There is a problem"). */
  title: string;
  onSubmit: () => unknown;
  children: ReactNode;
}

export function CheckedForm({ form, title, onSubmit, children, ...attributes }: Props) {
  return (
    <form
      {...attributes}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <ErrorSummary title={title} errors={form.errors} />
      {children}
    </form>
  );
}
