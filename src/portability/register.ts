// Registers this folder's job handlers (registerJobHandler) and report event hooks
// (registerReportEventHook). Imported once by src/jobs/handlers.ts.
export {}
