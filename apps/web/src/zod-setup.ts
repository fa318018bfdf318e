import { z } from "zod";

// zod compiles object schemas with `new Function` when it may, and finds out by trying once:
// under our CSP (no 'unsafe-eval') that try is a reported violation. Never try.
z.config({ jitless: true });
