import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

// Every test file gets its own real SQLite file; nothing is shared between files.
process.env.KOERS_DATABASE = path.join(os.tmpdir(), `koers-test-${randomUUID()}.sqlite`);
process.env.KOERS_DEMO_PASSWORD ??= 'koers-demo';
