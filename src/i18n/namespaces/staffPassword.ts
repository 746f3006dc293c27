// Keys of the `staffPassword` namespace (src/i18n/locales/{vi,en}/staffPassword.json): an officer's
// own password change, which every console page asks for first after an administrator set the
// password, and the dead end of a deactivated account. Small, as every staff page carries it.
import { z } from 'zod';
import { text } from './text.ts';

export const staffPasswordSchema = z.strictObject({
  'form.errorTitle': text('Heading of the error summary above the form'),
  'form.errorPrefix': text('Hidden word read before each inline error by screen readers, like "Error:"'),
  'title': text('Title and main heading of the page where an officer changes their own password'),
  'description': text('One-sentence summary of the password page'),
  'link': text('Link from the console home to the password page'),
  'requiredHeading': text('Heading shown instead of the console until the officer replaces a temporary password'),
  'requiredBody': text('Why: an administrator set the current password, so only the officer should know the new one'),
  'new': text('Label: the new password'),
  'newHint': text('Hint: at least {{min}} characters; a phrase of several words is easy to remember'),
  'confirm': text('Label: the new password again'),
  'submit': text('Button that saves the new password'),
  'sending': text('The button while the password is saved'),
  'tooShort': text('The new password is shorter than {{min}} characters'),
  'lettersAndDigits': text('The new password lacks a letter or a digit (the rule Auth keeps)'),
  'mismatch': text('The two passwords are not the same'),
  'same': text('The new password is the same as the current one'),
  'failed': text('Saving the password failed (server or connection): try again'),
  'done': text('Status message: the password was changed'),
  'inactive.heading': text('Heading shown to an officer whose account was deactivated'),
  'inactive.signIn': text('Sign-in refused because an administrator deactivated the account: who to ask'),
  'inactive.body': text('Body: the account can do nothing; ask the administrator who manages it'),
});
