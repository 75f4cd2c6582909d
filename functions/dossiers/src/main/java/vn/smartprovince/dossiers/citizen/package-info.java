/** The applicant's routes: my dossiers, one dossier with its timeline, withdraw, answer a supplement request. */
package vn.smartprovince.dossiers.citizen;
