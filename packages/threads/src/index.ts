export { type ModuleWorkerEntry, spawnModuleWorker } from './spawn-module-worker.ts';
