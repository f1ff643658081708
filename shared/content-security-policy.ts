/**
 * One policy for both doors: the desktop window gets it as a <meta> tag (injected at build time),
 * browser mode as a response header. Styles stay inline-capable because CodeMirror writes
 * <style> elements at run time; scripts never are.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ')
