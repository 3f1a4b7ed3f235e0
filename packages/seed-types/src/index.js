'use strict';
/**
 * Shapes of the seed data every subgraph loads. Facts taken from the documents in sources/ cite the file and
 * section they come from; anything generated says so with `synthetic: true`.
 */
Object.defineProperty(exports, '__esModule', { value: true });
