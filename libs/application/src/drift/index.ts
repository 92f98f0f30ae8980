export * from './service-level-targets.service';
export * from './forum-import.service';
export * from './service-level-report.service';
export * from './service-level-xlsx';
export * from './drift-demo.loader';
