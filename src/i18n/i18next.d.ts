// Types every `t()` key and its options from the namespace schemas, so `astro check` rejects a
// key that does not exist.
import 'i18next';
import type { NamespaceResources } from './schema.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    keySeparator: false;
    resources: NamespaceResources;
  }
}
