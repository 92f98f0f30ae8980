export * from './register-mapping.service';
export * from './register-import.service';
