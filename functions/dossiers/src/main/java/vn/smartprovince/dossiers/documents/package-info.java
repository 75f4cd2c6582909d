/** Dossier documents: presigned uploads, and the presigned download of a dossier's file after authorization. */
package vn.smartprovince.dossiers.documents;
