/** `chiso/node`: exports that need Node (file system, native rendering). A plain list. */
export { readObservationsFile } from './data/read-file.js';
