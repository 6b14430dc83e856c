/** Loading observations into the test PostgreSQL: the library's own loader (bound arrays, one INSERT). */
export { loadIntoPostgres } from '../../src/connectors/postgres.js';
