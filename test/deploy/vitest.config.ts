import { defineProject } from 'vitest/config';

// Static checks of compose/ (Docker itself is not available in CI).
export default defineProject({ test: { name: 'deploy', include: ['**/*.test.ts'] } });
