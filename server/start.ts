// `npm start`: make sure the H5 build matches the sources, then run the server.
import { ensureH5Build } from './h5-build';

ensureH5Build();
void import('./server');
