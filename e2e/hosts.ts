/**
 * Host names Chromium resolves to 127.0.0.1 (see playwright.config.ts), so the same demo server
 * can be reached from a second origin that Envoy allows and a third that it does not.
 */
export const ALLOWED_HOST = "allowed.test";
export const REFUSED_HOST = "refused.test";
