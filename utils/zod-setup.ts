// Zod in MV3: extension pages forbid `new Function`, so zod must run without its JIT. Import first.
import { z } from 'zod';

z.config({ jitless: true });
