export * from './audit-trace-view';
export * from './audit-trace.service';
