export * from './register-mapping';
export * from './count-register';
