/** Public-service dossiers (hồ sơ dịch vụ công): the procedure catalogue, submission, tracking, the officers' workflow, forms, lateness and statistics. This package holds only {@link vn.smartprovince.dossiers.Wiring}. */
package vn.smartprovince.dossiers;
