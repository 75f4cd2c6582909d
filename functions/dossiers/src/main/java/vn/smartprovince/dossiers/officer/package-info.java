/** The competent agency's officers: the queue, intake (receive, refuse, request a supplement), processing, lateness (form 04) and internal notes. */
package vn.smartprovince.dossiers.officer;
