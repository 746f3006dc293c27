// The officer's own password: Supabase Auth changes it (updateUser with the officer's session),
// then the database stops asking for it (public.staff_password_changed).
import { staffAccountSchema } from '../../../domain/staff-accounts.ts';
import { supabase } from '../../../lib/supabase.ts';
import { staffRpc } from '../calls.ts';

/** How the change ended: done, refused by Auth (the same password, too weak), or failed (server, connection). */
export type PasswordOutcome = 'done' | 'same' | 'weak' | 'failed';

export async function changeOwnPassword(password: string): Promise<PasswordOutcome> {
  try {
    const { error } = await supabase.auth.updatePassword(password);
    if (error) return error.code === 'same_password' ? 'same' : error.code === 'weak_password' ? 'weak' : 'failed';
  } catch {
    return 'failed';
  }
  const cleared = await staffRpc('staff_password_changed', {}, staffAccountSchema);
  return cleared.ok ? 'done' : 'failed';
}
