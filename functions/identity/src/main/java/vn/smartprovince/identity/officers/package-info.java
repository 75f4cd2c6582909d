/** Officer roles: grant and revoke (province admins), an agency's officers (admins and the agency's officers). */
package vn.smartprovince.identity.officers;
