/**
 * Runs in the browser before any of the app's code (Next's instrumentation-client file).
 *
 * zod compiles object parsers with `new Function` when it may, and probes for that by calling
 * `Function("")` as each object schema is built. The Content-Security-Policy forbids eval (proxy.ts,
 * lib/security-headers.ts), so the probe fails — harmlessly, but as a CSP violation report on every
 * page with a form. In the browser zod is told up front not to try.
 */
import { z } from "zod";

z.config({ jitless: true });
