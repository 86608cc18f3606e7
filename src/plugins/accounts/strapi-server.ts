// Server entry of the accounts plugin (compiled by the app's root tsconfig into dist/src/plugins/accounts).
import server from './server';

export default server;
