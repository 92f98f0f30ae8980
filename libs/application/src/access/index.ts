export * from './access.service';
export * from './audit-parties';
