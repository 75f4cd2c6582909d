/** Adapters: the configuration in force from the shared source, who applied it from its version item. */
package vn.smartprovince.province.store;
