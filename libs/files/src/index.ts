export * from './incidents/incident-csv';
