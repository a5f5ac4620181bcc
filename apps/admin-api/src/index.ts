export { type AdminAppOptions, createAdminApp } from './app.ts';
export {
  type AdminConfig,
  AdminConfigError,
  type AdminUser,
  loadAdminConfig,
  ROLES,
  type Role,
} from './config.ts';
export { createLogger } from './logger.ts';
export { type AdminMetrics, createAdminMetrics } from './metrics.ts';
export { hashPassword, verifyPassword } from './passwords.ts';
export { buildPosture, type Posture } from './posture.ts';
export { createAttemptLimiter } from './rate-limit.ts';
export { createSessionManager, hashSecret, type Session } from './sessions.ts';
export { type RunningAdminServer, startAdminServer } from './start.ts';
