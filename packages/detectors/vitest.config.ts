import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'detectors', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } });
