// What every staff page shows before its own content: the sign-in form to someone signed out, a
// clear dead end to an account without a staff role, and the page itself to an officer.
import { lazy, Suspense, type ReactNode } from 'react';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import type { Translate } from '../translator.ts';
import { useStaff, type StaffMember } from './use-staff.ts';

// An officer signed in never needs the form: it loads only when someone is signed out.
const SignInForm = lazy(() => import('./SignInForm.tsx').then(({ SignInForm }) => ({ default: SignInForm })));

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
      return (
        <Suspense fallback={<p role="status">{t('staff:loading')}</p>}>
          <SignInForm t={t} signIn={signIn} />
        </Suspense>
      );
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

/** The links above a console page: back to the console's home, and sign out. Never printed. */
export function StaffNav({ locale, t, signOut }: { locale: Locale; t: Translate; signOut: () => void }) {
  return (
    <nav className="staff-actions" aria-label={t('staff:page.title')} data-print-hide>
      <a href={localizedPath(locale, 'staff')}>{t('staff:dashboard.back')}</a>
      <button type="button" className="button-link" onClick={signOut}>
        {t('staff:signOut')}
      </button>
    </nav>
  );
}
