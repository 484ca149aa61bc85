export * from './personal-numbers';
export * from './bidi-controls';
