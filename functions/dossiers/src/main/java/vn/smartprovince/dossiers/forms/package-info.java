/** Forms 01-06 of Circular 03/2025 for one dossier: as data the mini app renders and as a printable A4 HTML document with the dossier code as a QR code; {@code GET /v1/dossiers/{id}/forms/{form}}. */
package vn.smartprovince.dossiers.forms;
