export * from './development-request-view';
export * from './development-request.mapper';
export * from './development-request.service';
export * from './development-hours.service';
export * from './development-charges';
export * from './utveckling-demo.loader';
