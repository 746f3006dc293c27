// Where the e2e run serves the built site and its throwaway stack, below 32768 where no outgoing
// connection can hold a port. TEST_SLOT moves both, and the build directory.
import { apiUrl, dbUrl, testStack, testSlot as slot } from '../../../supabase/local/config.ts';

export const e2eStackName = slot ? `test-e2e-${slot}` : 'test-e2e';
export const e2eStackBasePort = 26321 + slot * 10;
const e2eStack = testStack(e2eStackName, e2eStackBasePort);
/** The gateway and the database of the run's stack, for the tests that set up data themselves. */
export const e2eApiUrl = apiUrl(e2eStack);
export const e2eDbUrl = dbUrl(e2eStack);
export const previewPort = 4329 + slot;
export const siteUrl = `http://127.0.0.1:${previewPort}`;
export const e2eOutDir = slot ? `dist-e2e-${slot}` : 'dist';
