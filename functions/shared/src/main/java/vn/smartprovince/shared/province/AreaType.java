package vn.smartprovince.shared.province;

/** Commune-level units of the two-tier local government (since 2025-07-01). */
public enum AreaType { WARD, COMMUNE, SPECIAL_ZONE }
