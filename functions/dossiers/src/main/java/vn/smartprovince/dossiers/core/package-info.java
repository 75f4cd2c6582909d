/** The dossiers domain: the dossier, its statuses and lifecycle (state machine), timeline, notes, counters, and the ports (DossierStore, DocumentStore). Depends on nothing else in the module. */
package vn.smartprovince.dossiers.core;
