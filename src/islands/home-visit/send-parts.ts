// What the request form needs only once it is sent: the request's schema, the answer's, the
// receipt, the refusal's notice and the saved status link. Loaded on the first send, so the form
// opens within the page's JavaScript budget.
export { homeVisitRequestSchema, homeVisitViewSchema, toRequestPayload } from '../../domain/home-visit.ts';
export { saveLink } from './links.ts';
export { Receipt } from './Receipt.tsx';
export { RefusalNotice } from './RefusalNotice.tsx';
