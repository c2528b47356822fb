export * from './history';
export * from './figures';
export * from './insights';
export * from './report';
