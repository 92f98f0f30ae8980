export * from './decision.service';
