export * from './export-options';
export * from '../../../documents/cjk-font';
export * from './csv-export';
export * from './xlsx-export';
export * from './pdf-export';
export * from './export-ledger';
