package vn.smartprovince.dossiers.core;

/** A postal address: the street part as written, and the current commune-level unit's code. */
public record Address(String street, String areaCode) {
}
