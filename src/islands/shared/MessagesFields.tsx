// The agreement to messages of a citizen form (booking, sign-up through a link, home visit): a box,
// unticked, and once ticked an optional e-mail address. Messages go to the form's phone, in the
// page's language (src/domain/messages-field.ts).
import type { Translate } from '../translator.ts';
import { Checkbox } from './Checkbox.tsx';
import { TextField } from './TextField.tsx';
import type { Form } from './use-form.ts';

export interface MessagesDraft {
  messages: boolean;
  messagesEmail: string;
}

export const noMessages: MessagesDraft = { messages: false, messagesEmail: '' };

interface Props {
  t: Translate;
  form: Form;
  draft: MessagesDraft;
  onChange: (change: MessagesDraft) => void;
  /** The box's words where the citizen's own ("send me…") do not fit: an officer asking for them. */
  label?: string;
}

export function MessagesFields({ t, form, draft, onChange, label }: Props) {
  const field = form.field('messages');
  return (
    <>
      <h2>{t('common:messages.heading')}</h2>
      <Checkbox
        {...field}
        id="messages-agree"
        error={undefined}
        label={label ?? t('common:messages.label')}
        hint={t('common:messages.hint')}
        checked={draft.messages}
        onChange={(messages) => onChange({ ...draft, messages })}
      />
      {draft.messages && (
        <TextField
          {...field}
          type="email"
          autoComplete="email"
          inputMode="email"
          label={t('common:messages.email')}
          hint={t('common:messages.emailHint')}
          value={draft.messagesEmail}
          onValue={(messagesEmail) => onChange({ ...draft, messagesEmail })}
        />
      )}
    </>
  );
}
