/**
 * Storage adapter module. Empty until the persistence issue lands its backend here;
 * the module exists now so the layout and the architecture rules are in place from the start.
 */
package io.culex.adapters.rocksdb;
