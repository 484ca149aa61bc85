export * from './ids';
export * from './channel';
export * from './request';
export * from './directory';
export * from './operator';
export * from './decision';
export * from './decide';
export * from './unit-actions';
