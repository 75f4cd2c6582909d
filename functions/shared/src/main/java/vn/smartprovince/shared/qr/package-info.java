/** Codes people show or print (a dossier's form, an appointment) as inline-SVG QR codes. */
package vn.smartprovince.shared.qr;
