// Importing this file registers every job handler (one import per job file).
export {}
