export * from './plan';
export * from './diagnostic';
