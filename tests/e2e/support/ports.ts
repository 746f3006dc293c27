// Where the e2e run serves the built site and its throwaway stack.
export const e2eStackBasePort = 56321;
export const previewPort = 4329;
export const siteUrl = `http://127.0.0.1:${previewPort}`;
