// What every staff page shows before its own content: the sign-in form to someone signed out, a
// clear dead end to an account without a staff role, and the page itself to an officer.
import type { ReactNode } from 'react';
import type { Translate } from '../translator.ts';
import { SignInForm } from './SignInForm.tsx';
import { useStaff, type StaffMember } from './use-staff.ts';

interface Props {
  t: Translate;
  children: (staff: StaffMember, signOut: () => void) => ReactNode;
}

export function StaffGate({ t, children }: Props) {
  const { state, signIn, signOut } = useStaff();
  const out = () => void signOut();
  switch (state.status) {
    case 'loading':
      return <p role="status">{t('staff:loading')}</p>;
    case 'error':
      return <p className="notice notice-error" role="alert">{t('staff:loadError')}</p>;
    case 'signed-out':
      return <SignInForm t={t} signIn={signIn} />;
    case 'not-staff':
      return (
        <div>
          <h2>{t('staff:notStaff.heading')}</h2>
          <p>{t('staff:notStaff.body', { email: state.user.email ?? '' })}</p>
          <button type="button" className="button button-secondary" onClick={out}>
            {t('staff:signOut')}
          </button>
        </div>
      );
    case 'signed-in':
      return <>{children(state.staff, out)}</>;
  }
}
