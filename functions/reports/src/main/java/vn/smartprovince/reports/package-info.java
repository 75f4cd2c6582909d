/** The reports module: only {@link vn.smartprovince.reports.Wiring}, which builds the adapters (store, province configuration, officers, photos) of every report function from its environment. */
package vn.smartprovince.reports;
