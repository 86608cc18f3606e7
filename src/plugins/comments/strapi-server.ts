// Server entry of the comments plugin (compiled by the app's root tsconfig into dist/src/plugins/comments).
import server from './server';

export default server;
