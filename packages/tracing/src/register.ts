/**
 * Imported first by each process's main file: starts tracing (when an OTLP endpoint is set)
 * before `http` and `pg` are loaded, so both are instrumented.
 */
import { startTracingFromEnvironment } from './index';

startTracingFromEnvironment();
