export * from './common.ts';
export * from './section.ts';
export * from './entries.ts';
export * from './snippet.ts';
