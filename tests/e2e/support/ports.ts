// Where the e2e run serves the built site and its throwaway stack, below 32768 where no outgoing
// connection can hold a port. E2E_SLOT (0–9) moves both, and
// the build directory, so several runs can share a machine.
const slot = Number(process.env.E2E_SLOT ?? 0);

export const e2eStackName = slot ? `test-e2e-${slot}` : 'test-e2e';
export const e2eStackBasePort = 26321 + slot * 10;
export const previewPort = 4329 + slot;
export const siteUrl = `http://127.0.0.1:${previewPort}`;
export const e2eOutDir = slot ? `dist-e2e-${slot}` : 'dist';
